/**
 * The exact text of one member of a JSON object, as it was sent: PayPal's
 * verify-webhook-signature computes the CRC32 over the bytes of `webhook_event`
 * in the request, so the stand-in must look at those bytes, not at a parsed
 * and re-serialised copy. The text runs from the colon to the next `,` or `}`,
 * whitespace included. Expects valid JSON (express.json parsed it already).
 */
export function rawMember(json: string, name: string): string | undefined {
  let i = skipSpace(json, 0);
  if (json[i] !== '{') return undefined;
  i++;
  for (;;) {
    i = skipSpace(json, i);
    if (json[i] === '}') return undefined;
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    const start = skipSpace(json, keyEnd) + 1; // after the colon
    const end = skipSpace(json, skipValue(json, skipSpace(json, start)));
    // With the whitespace around it: a sender's body may end in a newline, and it is signed.
    if (key === name) return json.slice(start, end);
    i = end;
    if (json[i] === ',') i++;
    else return undefined;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

function skipValue(text: string, i: number): number {
  if (text[i] === '"') return skipString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    let j = i;
    while (j < text.length && !',}] \t\n\r'.includes(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = skipString(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return text.length;
}
