/**
 * A webhook body read as the text the sender wrote, not as what JSON.parse
 * makes of it. JSON.parse turns 9007199254740993 into ...992 and 1e999 into
 * Infinity (which stringifies as null), so an event key made from parsed
 * values can merge two different events; and its error messages quote the
 * body. Here numbers stay the digits the sender sent, and a syntax error is
 * reported by position only.
 *
 * Kept small and fast: JSON.parse still parses (it is native); this reader
 * runs only for the members an event key is made of, and for a body that
 * JSON.parse already refused.
 */

/** Arrays and objects nested deeper than this are refused (422, quarantined). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Index of the quote that closes the string opening at `start`; -1 when it never closes. */
function closingQuote(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** What one pass over a body's text finds before it is parsed. */
export interface TextScan {
  /** Arrays and objects nest deeper than the limit somewhere (brackets in strings do not count). */
  tooDeep: boolean;
  /**
   * Every number is written as JSON.stringify writes what JSON.parse makes of
   * it (`84.03`, not `84.030`, `1e2` or 2^53 + 1): canonical JSON made from the
   * parsed body is then exactly the one made from the text, and cheaper.
   */
  numbersAsParsed: boolean;
}

const isNumberStart = (c: number) => c === 0x2d || (c >= 0x30 && c <= 0x39);
const isNumberPart = (c: number) =>
  (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;

/** One pass over `text`: nesting depth against `limit`, and how its numbers are written. */
export function scanJsonText(text: string, limit: number): TextScan {
  let depth = 0;
  let numbersAsParsed = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) break;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return { tooDeep: true, numbersAsParsed };
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    } else if (isNumberStart(c)) {
      let end = i + 1;
      while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
      if (numbersAsParsed) {
        const token = text.slice(i, end);
        numbersAsParsed = String(Number(token)) === token;
      }
      i = end - 1;
    }
  }
  return { tooDeep: false, numbersAsParsed };
}

/** Where and why a text is not JSON: a position, never a quote of the text. */
export class JsonTextError extends Error {
  override name = 'JsonTextError';
  constructor(
    readonly problem: string,
    readonly position: number,
  ) {
    super(`${problem} at position ${position}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;

/**
 * A reader of one JSON text that writes each value back as canonical JSON.
 * `strict` checks every character of every string too: needed only to find
 * where a text JSON.parse refused goes wrong.
 */
class CanonicalReader {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly strict = false,
  ) {}

  /** The whole text as canonical JSON. */
  document(): string {
    const value = this.value();
    this.end();
    return value;
  }

  /** The members of the top-level object, each as canonical JSON (a repeated name: the last wins, as in JSON.parse). */
  topMembers(): Map<string, string> | undefined {
    this.space();
    if (this.text.charCodeAt(this.i) !== 0x7b) return undefined;
    const members = this.members();
    this.end();
    return members;
  }

  private end(): void {
    this.space();
    if (this.i < this.text.length) this.fail('unexpected text after the value');
  }

  private fail(problem: string): never {
    throw new JsonTextError(this.i >= this.text.length ? 'unexpected end' : problem, this.i);
  }

  private space(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.i++;
    }
  }

  private value(): string {
    this.space();
    const c = this.text.charCodeAt(this.i);
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === QUOTE) {
      const start = this.i;
      const decoded = this.string();
      const token = this.text.slice(start, this.i);
      // Without escapes the token is already what JSON.stringify would write.
      return token.includes('\\') ? JSON.stringify(decoded) : token;
    }
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.i)) {
        this.i += literal.length;
        return literal;
      }
    }
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.text);
    if (!number) this.fail('unexpected character');
    this.i += number[0].length;
    // The digits as sent: 2^53 + 1 and 1e999 stay themselves.
    return number[0];
  }

  private enter(): void {
    if (++this.depth > MAX_JSON_DEPTH) this.fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
    this.i++;
    this.space();
  }

  private members(): Map<string, string> {
    this.enter();
    const members = new Map<string, string>();
    if (this.text.charCodeAt(this.i) === 0x7d) {
      this.i++;
      this.depth--;
      return members;
    }
    for (;;) {
      this.space();
      if (this.text.charCodeAt(this.i) !== QUOTE) this.fail('expected a property name');
      const name = this.string();
      this.space();
      if (this.text.charCodeAt(this.i) !== 0x3a) this.fail("expected ':'");
      this.i++;
      members.set(name, this.value());
      if (this.closes(0x7d, '}')) return members;
    }
  }

  /** After a member or element: true at the closing bracket (consumed), false at a comma. */
  private closes(bracket: number, name: string): boolean {
    this.space();
    const next = this.text.charCodeAt(this.i);
    if (next !== bracket && next !== 0x2c) this.fail(`expected ',' or '${name}'`);
    this.i++;
    if (next !== bracket) return false;
    this.depth--;
    return true;
  }

  private object(): string {
    const members = this.members();
    let out = '{';
    for (const name of [...members.keys()].sort()) {
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(name)}:${members.get(name)!}`;
    }
    return `${out}}`;
  }

  private array(): string {
    this.enter();
    let out = '[';
    if (this.text.charCodeAt(this.i) === 0x5d) {
      this.i++;
      this.depth--;
      return '[]';
    }
    for (;;) {
      out += `${out.length > 1 ? ',' : ''}${this.value()}`;
      if (this.closes(0x5d, ']')) return `${out}]`;
    }
  }

  /** A string token, decoded. */
  private string(): string {
    const start = this.i;
    const end = closingQuote(this.text, start);
    if (end < 0) {
      this.i = this.text.length;
      this.fail('unterminated string');
    }
    if (this.strict) this.checkString(start, end);
    this.i = end + 1;
    const token = this.text.slice(start, end + 1);
    return token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
  }

  /** Control characters and escapes inside the string token from `start` to `end`. */
  private checkString(start: number, end: number): void {
    for (let j = start + 1; j < end; j++) {
      const c = this.text.charCodeAt(j);
      this.i = j;
      if (c < 0x20) this.fail('control character in a string');
      if (c !== BACKSLASH) continue;
      const escape = this.text[j + 1] ?? '';
      if (escape !== '' && '"\\/bfnrt'.includes(escape)) j++;
      else if (escape === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(j + 2, j + 6))) j += 5;
      else this.fail('invalid escape');
    }
  }
}

/** The text as canonical JSON (keys sorted at every depth, numbers as written); throws JsonTextError. */
export function canonicalJsonText(text: string): string {
  return new CanonicalReader(text).document();
}

/**
 * Each member of a top-level JSON object as canonical JSON made from the
 * text: what an event key is made of. Undefined when the text is not an object.
 */
export function canonicalMembers(text: string): Map<string, string> | undefined {
  return new CanonicalReader(text).topMembers();
}

/** For a text JSON.parse refused: what is wrong and where, without quoting it. */
export function describeJsonError(text: string): string {
  try {
    new CanonicalReader(text, true).document();
  } catch (error) {
    if (error instanceof JsonTextError) return error.message;
    throw error;
  }
  return 'not JSON';
}
