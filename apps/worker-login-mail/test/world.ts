import { loadConfig } from '@campus/config';
import type { MagicCodeStore } from '@campus/magic-code';
import { workerTest } from '@campus/worker-testing';
import { createLoginMailWorker } from '../src/worker.js';

/**
 * The login-mail world: `store`, the code store as the receiver sees it (same
 * Redis, prefix and secret), and the worker running in this process as main.ts wires it.
 */
export const test = workerTest({ queue: 'login-mail' })
  .extend('store', ({ world }): MagicCodeStore => {
    const { magicCode } = loadConfig(['magicCode'], world.env);
    return { redis: world.connection, prefix: world.prefix, secret: magicCode.secret };
  })
  .extend('worker', { auto: true }, async ({ world, store }) => {
    const mailer = world.createMailer();
    const definition = createLoginMailWorker({ mailer, from: world.config.mail.from, store });
    return world.startWorker(definition, { settings: { concurrency: 2 } });
  });

/** The body the Campus website posts for a code request. */
export function codeRequest(email: string): string {
  return JSON.stringify({ event: 'form.login.magic_code.request', data: { email } });
}
