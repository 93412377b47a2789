import { describe, expect, it } from 'vitest';
import { NonRetriableError } from '@campus/errors';
import { deriveMessageId, normaliseMessageId } from './message-id.js';

describe('deriveMessageId', () => {
  it('gives the same id for the same seed, on the sender domain', () => {
    const id = deriveMessageId(
      'fakturia:DUNNING_CREATED:9f3a/mahnung_2',
      'Campus <noreply@campus.example.com>',
    );
    expect(id).toMatch(/^<[0-9a-f]{32}@campus\.example\.com>$/);
    expect(
      deriveMessageId('fakturia:DUNNING_CREATED:9f3a/mahnung_2', 'noreply@campus.example.com'),
    ).toBe(id);
    expect(
      deriveMessageId('fakturia:DUNNING_CREATED:9f3a/mahnung_3', 'noreply@campus.example.com'),
    ).not.toBe(id);
  });

  it('falls back to a reserved domain when the sender has none', () => {
    expect(deriveMessageId('x', 'Campus')).toMatch(/@campus-events\.invalid>$/);
  });
});

describe('normaliseMessageId', () => {
  it('adds the angle brackets when missing', () => {
    expect(normaliseMessageId('abc@campus.example.com')).toBe('<abc@campus.example.com>');
    expect(normaliseMessageId('<abc@campus.example.com>')).toBe('<abc@campus.example.com>');
  });

  it('refuses what would break the header, for good', () => {
    expect(() => normaliseMessageId('no-domain')).toThrow(NonRetriableError);
    expect(() => normaliseMessageId('a b@c')).toThrow(/not a Message-ID like <id@domain>/);
    expect(() => normaliseMessageId('a@b>\r\nBcc: x@y')).toThrow(NonRetriableError);
  });
});
