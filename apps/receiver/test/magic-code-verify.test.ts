import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeMagicCode } from '@campus/magic-code';
import { startTestRedis, type TestRedis } from '@campus/testing';
import { SANDBOX_SECRETS } from '@campus/config';
import { startReceiver, totalJobs, type ReceiverUnderTest } from './harness.js';

let redis: TestRedis;
let receiver: ReceiverUnderTest;

beforeAll(async () => {
  redis = await startTestRedis();
  receiver = await startReceiver(redis);
});
afterAll(async () => {
  await receiver?.close();
  await redis?.close();
});

const verify = (email: string, code: string) =>
  receiver.post(
    'campus',
    JSON.stringify({ event: 'form.login.magic_code.verify', data: { email, code } }),
  );

describe('form.login.magic_code.verify', () => {
  it('answers synchronously: 200 valid once, then 401, and queues nothing', async () => {
    const store = {
      redis: receiver.inspect,
      prefix: receiver.prefix,
      secret: SANDBOX_SECRETS.MAGIC_CODE_SECRET,
    };
    await storeMagicCode(store, 'max.mustermann@example.com', 'K7Q2M9XA');
    const ok = await verify('max.mustermann@example.com', 'K7Q2M9XA');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true });
    const reused = await verify('max.mustermann@example.com', 'K7Q2M9XA');
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual({ valid: false });
    expect(await totalJobs(receiver)).toBe(0);
  });

  it('answers 429 after five failed tries', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await verify('guess@example.com', 'AAAAAAA1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('answers 422 for a code of the wrong shape', async () => {
    const response = await verify('max@example.com', 'abc');
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      { path: '/data/code', message: 'must match pattern "^[A-Z0-9]{6,8}$"' },
    ]);
  });
});
