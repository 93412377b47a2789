/**
 * How strong a secret is, as production mode measures it (docs/security.md,
 * "Secret strength"). The measure is deliberately simple and stated, so an
 * operator can predict it: a value's bits per character are those of the
 * smallest alphabet it is written in, times its length.
 *
 * - hex digits only: 4 bits a character (`openssl rand -hex 32`: 64 characters, 32 bytes);
 * - the base64 / base64url alphabet (trailing `=` ignored): 6 bits (`openssl rand -base64 32`: 32 bytes);
 * - anything else: log2(95) ≈ 6.57 bits, as if drawn from printable ASCII.
 *
 * A value that is one character repeated, repeats a shorter string, uses only
 * a handful of different characters or mostly runs along the alphabet
 * (`abcdef…`, `12345…`) is refused whatever its length: it was not drawn at random.
 */

const BITS_PER_PRINTABLE = Math.log2(95);

/** Bytes of entropy a value carries by the measure above. */
export function estimatedEntropyBytes(value: string): number {
  if (/^[0-9A-Fa-f]+$/.test(value)) return Math.floor((value.length * 4) / 8);
  if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) {
    return Math.floor((value.replace(/=+$/, '').length * 6) / 8);
  }
  return Math.floor(([...value].length * BITS_PER_PRINTABLE) / 8);
}

/** Why a value cannot have been drawn at random; undefined when nothing gives it away. */
export function lowEntropyReason(value: string): string | undefined {
  const chars = [...value];
  if (chars.length === 0) return 'is empty';
  const distinct = new Set(chars).size;
  if (distinct === 1) return 'is one character repeated';
  // A string that is a rotation of itself repeats a shorter string.
  if ((value + value).indexOf(value, 1) < value.length) return 'repeats a shorter string';
  const needed = Math.min(8, Math.ceil(chars.length / 2));
  if (distinct < needed) return `uses only ${distinct} different characters`;
  let steps = 0;
  for (let i = 1; i < chars.length; i++) {
    if (Math.abs(chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!) === 1) steps++;
  }
  if (steps * 2 > chars.length - 1) return 'mostly runs along the alphabet';
  return undefined;
}

const WHSEC_PREFIX = 'whsec_';

/**
 * The key of a Standard Webhooks secret (`whsec_` + standard base64), or
 * undefined when the text after the prefix is not canonical base64 of at
 * least one byte (Node's decoder would otherwise skip what it cannot read).
 */
export function decodeWhsec(value: string): Buffer | undefined {
  if (!value.startsWith(WHSEC_PREFIX)) return undefined;
  const encoded = value.slice(WHSEC_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const key = Buffer.from(encoded, 'base64');
  const canonical = key.toString('base64').replace(/=+$/, '');
  if (key.length === 0 || canonical !== encoded.replace(/=+$/, '')) return undefined;
  return key;
}

/**
 * Standard Webhooks: the symmetric signing secret is "at least 24 bytes (192
 * bits, 512 maximum)" (github.com/standard-webhooks/standard-webhooks,
 * spec/standard-webhooks.md, "Signature scheme").
 */
export const WHSEC_MAX_BYTES = 64;

/** The strength rules a setting carries (see SettingSpec). */
export interface StrengthRule {
  minBytes?: number;
  minLength?: number;
  kind?: 'whsec';
}

/** What is wrong with one value under a setting's rules, as the end of a sentence; undefined when it passes. */
export function strengthProblem(rule: StrengthRule, value: string): string | undefined {
  if (rule.kind === 'whsec') {
    const key = decodeWhsec(value);
    if (!key) return 'is not `whsec_` followed by the base64 of a key';
    const min = rule.minBytes ?? 24;
    if (key.length < min || key.length > WHSEC_MAX_BYTES) {
      return `decodes to a ${key.length}-byte key; Standard Webhooks keys have ${min} to ${WHSEC_MAX_BYTES} bytes`;
    }
    const weak = lowEntropyReason(key.toString('latin1'));
    return weak && `has a key that ${weak}`;
  }
  if (rule.minLength !== undefined && [...value].length < rule.minLength) {
    return `has ${[...value].length} characters; production needs at least ${rule.minLength}`;
  }
  if (rule.minBytes !== undefined) {
    const bytes = estimatedEntropyBytes(value);
    if (bytes < rule.minBytes) {
      return `carries about ${bytes} bytes of entropy; production needs ${rule.minBytes} (e.g. \`openssl rand -hex ${rule.minBytes}\`)`;
    }
  }
  if (rule.minBytes !== undefined || rule.minLength !== undefined) {
    const weak = lowEntropyReason(value);
    if (weak) return `${weak}: choose a random one`;
  }
  return undefined;
}
