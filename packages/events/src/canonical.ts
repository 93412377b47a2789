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
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof CanonicalText) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
    first = false;
  }
  return `${out}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
