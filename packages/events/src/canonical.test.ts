import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and otherwise equals JSON.stringify', () => {
    const value = { b: [3, { z: 1, a: 'x"y' }], a: null, c: { e: 1.5, d: true } };
    expect(canonicalJson(value)).toBe(
      '{"a":null,"b":[3,{"a":"x\\"y","z":1}],"c":{"d":true,"e":1.5}}',
    );
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('gives the same text for the same data in another key order', () => {
    expect(canonicalJson({ x: { b: 1, a: 2 }, y: [] })).toBe(
      canonicalJson({ y: [], x: { a: 2, b: 1 } }),
    );
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('ä')).toBe('"ä"');
    expect(canonicalJson(100.0)).toBe('100');
    expect(canonicalJson([])).toBe('[]');
  });
});
