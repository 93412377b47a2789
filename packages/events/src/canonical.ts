import { createHash } from 'node:crypto';

/**
 * Canonical JSON already made from a body's source text (json-text.ts):
 * canonicalJson writes it as it is, so its numbers stay the digits sent.
 */
export class CanonicalText {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every depth, so that equal data hashes
 * equally. Written out directly rather than by copying into sorted objects:
 * it runs on every webhook. Values are what JSON.parse produces, or
 * CanonicalText for parts taken from the source text.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (value instanceof CanonicalText) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = '[' + canonicalJson(value[0]);
    for (let i = 1; i < value.length; i++) out += ',' + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out +=
      (PLAIN_KEY.test(key) ? '"' + key + '"' : JSON.stringify(key)) + ':' + canonicalJson(member);
  }
  return out + '}';
}

/** A key JSON.stringify writes as it is, between quotes. */
const PLAIN_KEY = /^[\w.\- ]*$/;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
