import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import {
  canonicalJsonText,
  canonicalMembers,
  describeJsonError,
  MAX_JSON_DEPTH,
  scanJsonText,
} from './json-text.js';

describe('canonical JSON from the source text', () => {
  it('equals canonicalJson of the parsed value for ordinary JSON', () => {
    const text =
      '{ "b": [3, {"z": 1, "a": "x\\"y\\u00e4"}], "a": null, "c": {"e": 1.5, "d": true}, "é": "ü" }';
    expect(canonicalJsonText(text)).toBe(canonicalJson(JSON.parse(text)));
  });

  it('keeps numbers as the digits sent', () => {
    expect(canonicalJsonText('[9007199254740993, 1e999, -0, 1.50]')).toBe(
      '[9007199254740993,1e999,-0,1.50]',
    );
    expect(canonicalJsonText('[null]')).not.toBe(canonicalJsonText('[1e999]'));
  });

  it('takes the last of a repeated name, as JSON.parse does', () => {
    expect(canonicalJsonText('{"a":1,"a":2}')).toBe('{"a":2}');
  });

  it('gives the members of the top-level object, names like __proto__ included', () => {
    const members = canonicalMembers('{"payload": {"y": 2, "x": 1}, "__proto__": {"n": 1e400}}');
    expect([...members!]).toEqual([
      ['payload', '{"x":1,"y":2}'],
      ['__proto__', '{"n":1e400}'],
    ]);
    expect(canonicalMembers('[1]')).toBeUndefined();
  });
});

describe('what is wrong with a text JSON.parse refused', () => {
  it('names the problem and a position, never the text', () => {
    expect(describeJsonError('{"a":tru}')).toBe('unexpected character at position 5');
    expect(describeJsonError('{"a" 1}')).toBe("expected ':' at position 5");
    expect(describeJsonError('{"secret": "abc')).toBe('unexpected end at position 15');
    expect(describeJsonError('["a\\qb"]')).toBe('invalid escape at position 3');
    expect(describeJsonError('["a\tb"]')).toBe('control character in a string at position 3');
    expect(describeJsonError('[1] x')).toBe('unexpected text after the value at position 4');
    expect(describeJsonError('')).toBe('unexpected end at position 0');
  });

  it('accepts what JSON.parse accepts, escaped backslashes included', () => {
    expect(canonicalJsonText('["\\\\q", "\\\\"]')).toBe('["\\\\q","\\\\"]');
  });
});

describe('the nesting limit', () => {
  it('counts brackets outside strings only', () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const tooDeep = (text: string) => scanJsonText(text, MAX_JSON_DEPTH).tooDeep;
    expect(tooDeep(deep(MAX_JSON_DEPTH))).toBe(false);
    expect(tooDeep(deep(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(tooDeep(`["${'['.repeat(100)}\\"${'{'.repeat(100)}"]`)).toBe(false);
  });
});

describe('numbers JSON.parse keeps as written', () => {
  const asParsed = (text: string) => scanJsonText(text, MAX_JSON_DEPTH).numbersAsParsed;

  it('holds for numbers as JSON.stringify writes them, and ignores digits in strings', () => {
    expect(asParsed('{"a": [0, -1, 84.03, 1e+21, 5e-7], "b": "1.50", "c": true}')).toBe(true);
  });

  it('fails for any number JSON.parse would change', () => {
    for (const n of ['1.50', '-0', '1e2', '1E400', '9007199254740993', '0.1000', '1.0'])
      expect(asParsed(`{"a": [1, ${n}]}`), n).toBe(false);
  });

  it('gives the same canonical JSON from the parsed body as from the text when it holds', () => {
    const texts = [
      '{"b":[3,{"z":1,"a":"x\\"y\\u00e4"}],"a":null,"c":{"e":1.5,"d":true},"é":"ü","k y":{"-.":0}}',
      '{"__proto__":{"n":-12.25},"constructor":[],"x\\u0000":"\\ud83d\\ude00"}',
    ];
    for (const text of texts) {
      expect(asParsed(text)).toBe(true);
      expect(canonicalJson(JSON.parse(text))).toBe(canonicalJsonText(text));
    }
  });
});
