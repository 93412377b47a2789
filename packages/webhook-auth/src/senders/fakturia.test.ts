import { describe, expect, it } from 'vitest';
import { senderHeaders, senderQuery } from '../sender.js';
import { verifyFakturiaToken } from './fakturia.js';

const query = (text: string) => new URLSearchParams(text);

describe('Fakturia token', () => {
  it('is read from ?token= in the URL', () => {
    expect(verifyFakturiaToken('t0k', query('token=t0k'))).toBe(true);
    expect(verifyFakturiaToken('t+k/=', query(`token=${encodeURIComponent('t+k/=')}`))).toBe(true);
  });

  it('is refused when wrong, absent, empty or given twice', () => {
    expect(verifyFakturiaToken('t0k', query('token=t0'))).toBe(false);
    expect(verifyFakturiaToken('t0k', query(''))).toBe(false);
    expect(verifyFakturiaToken('t0k', query('token='))).toBe(false);
    expect(verifyFakturiaToken('t0k', query('token=t0k&token=t0k'))).toBe(false);
    expect(verifyFakturiaToken('t0k', query('token=wrong&token=t0k'))).toBe(false);
  });

  it('is refused when no token is configured', () => {
    expect(verifyFakturiaToken(undefined, query('token='))).toBe(false);
    expect(verifyFakturiaToken('', query('token='))).toBe(false);
  });

  it('is put into the URL for tests and tools, and into no header', () => {
    const credentials = { fakturiaToken: 'a b&c' };
    expect(senderQuery('fakturia', credentials)).toBe('?token=a+b%26c');
    expect(verifyFakturiaToken('a b&c', query(senderQuery('fakturia', credentials)))).toBe(true);
    expect(senderHeaders('fakturia', '{}', credentials)).toEqual({
      'content-type': 'application/json',
    });
    expect(senderQuery('plenigo', credentials)).toBe('');
  });
});
