import { crc32 } from 'node:zlib';

/** Where a forgery puts its fix: 10 characters, each one of `@`, `A`…`O` once solved. */
export const CRC32_FIX_MARK = 'XXXXXXXXXX';

/**
 * Rewrites the 10 characters at `at` (each one of `@`, `A`…`O`: 4 free bits a
 * character) so that the text's CRC32 becomes `target`. CRC32 is affine over
 * GF(2), so the 40 free bits are solved for the 32 CRC bits by elimination.
 * What an attacker does to a captured PayPal delivery (issue #9).
 */
export function forgeCrc32(text: string, at: number, target: number): string {
  const bytes = Buffer.from(text, 'latin1');
  for (let i = 0; i < 10; i++) bytes[at + i] = 0x40;
  const base = crc32(bytes) >>> 0;
  // One column per free bit: how flipping it changes the CRC.
  const columns: { delta: number; mask: bigint }[] = [];
  for (let i = 0; i < 10; i++) {
    for (let bit = 0; bit < 4; bit++) {
      bytes[at + i]! ^= 1 << bit;
      columns.push({ delta: (crc32(bytes) >>> 0) ^ base, mask: 1n << BigInt(i * 4 + bit) });
      bytes[at + i]! ^= 1 << bit;
    }
  }
  let want = (base ^ target) >>> 0;
  let chosen = 0n;
  const pivots: { bit: number; delta: number; mask: bigint }[] = [];
  for (const column of columns) {
    let { delta, mask } = column;
    for (const p of pivots) {
      if ((delta >>> p.bit) & 1) {
        delta = (delta ^ p.delta) >>> 0;
        mask ^= p.mask;
      }
    }
    if (delta === 0) continue;
    pivots.push({ bit: 31 - Math.clz32(delta), delta, mask });
  }
  for (const p of pivots) {
    if ((want >>> p.bit) & 1) {
      want = (want ^ p.delta) >>> 0;
      chosen ^= p.mask;
    }
  }
  if (want !== 0) throw new Error('no 10-character fix for this CRC32');
  for (let i = 0; i < 10; i++) bytes[at + i] = 0x40 | Number((chosen >> BigInt(i * 4)) & 0xfn);
  return bytes.toString('latin1');
}

/**
 * `changed` (a genuine body rewritten, with CRC32_FIX_MARK where the fix
 * goes, e.g. inside `summary`) made to have the CRC32 of `genuine`, so that
 * the genuine delivery's transmission signature covers it too.
 */
export function withCrc32Of(genuine: string, changed: string): string {
  const at = changed.indexOf(CRC32_FIX_MARK);
  if (at < 0) throw new Error(`the changed body has no ${CRC32_FIX_MARK} to fix`);
  return forgeCrc32(changed, at, crc32(genuine) >>> 0);
}
