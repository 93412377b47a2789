import { describe, expect, it } from 'vitest';
import { signStandardWebhook, verifyCampusRequest, verifyStandardWebhook } from './campus.js';

const body = '{"a":1}';
const now = 1_700_000_000;

describe('Standard Webhooks signature', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  it('matches the reference example of the specification', () => {
    // Example from the Standard Webhooks specification (standard-webhooks/spec).
    const signature = signStandardWebhook(
      secret,
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
  it('accepts one of several signatures and refuses a stale one', () => {
    const signature = signStandardWebhook(secret, 'msg_1', now, body);
    const headers = { id: 'msg_1', timestamp: String(now), signature: `v1,bogus ${signature}` };
    expect(verifyStandardWebhook(secret, headers, body, now)).toBe(true);
    expect(verifyStandardWebhook(secret, headers, body, now + 301)).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, id: 'msg_2' }, body, now)).toBe(false);
  });
});

describe('a website request', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const headers = {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(now),
    'webhook-signature': signStandardWebhook(secret, 'msg_1', now, body),
  };

  it('is accepted with the three Standard Webhooks headers', () => {
    expect(verifyCampusRequest(secret, headers, body, now)).toBe(true);
  });

  it('is refused without a configured secret or with a header missing', () => {
    expect(verifyCampusRequest(undefined, headers, body, now)).toBe(false);
    expect(verifyCampusRequest('', headers, body, now)).toBe(false);
    const { 'webhook-timestamp': _timestamp, ...withoutTimestamp } = headers;
    expect(verifyCampusRequest(secret, withoutTimestamp, body, now)).toBe(false);
  });
});
