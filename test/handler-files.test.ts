import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAIN_QUEUES, ROUTES, jobNameOf, type DomainQueue } from '@campus/events';

/**
 * The layout docs/architecture.md promises: `ls apps/worker-<queue>/src/handlers`
 * answers "where is event X handled". One file per routed job name, named
 * after it in kebab-case with each word once (`campus.campus.zertifikat.ausstellen`
 * → `campus-zertifikat-ausstellen.ts`, `plenigo.FAILED_PAYMENT/PAYMENT_FAILED`
 * → `plenigo-failed-payment.ts`), exporting `handle<Name>`; internal jobs in
 * `internal-<job>.ts`.
 */
const words = (jobName: string) => [
  ...new Set(jobName.split(/[./_\s]+/).map((word) => word.toLowerCase())),
];
const handlerFileOf = (jobName: string) => `${words(jobName).join('-')}.ts`;
const handlerExportOf = (jobName: string) =>
  `handle${words(jobName)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}`;

const handlersDir = (queue: DomainQueue) =>
  new URL(`../apps/worker-${queue}/src/handlers/`, import.meta.url);

const routedJobs = (queue: DomainQueue) =>
  ROUTES.filter((route) => (route.queues as readonly DomainQueue[]).includes(queue)).map((route) =>
    jobNameOf(route.source, route.eventType),
  );

describe('handler files', () => {
  it('names files by the rule', () => {
    expect(handlerFileOf('fakturia.DUNNING_CREATED')).toBe('fakturia-dunning-created.ts');
    expect(handlerFileOf('plenigo.FAILED_PAYMENT/PAYMENT_FAILED')).toBe(
      'plenigo-failed-payment.ts',
    );
    expect(handlerFileOf('campus.form.login.magic_code.request')).toBe(
      'campus-form-login-magic-code-request.ts',
    );
    expect(handlerExportOf('paypal.PAYMENT.SALE.DENIED')).toBe('handlePaypalPaymentSaleDenied');
  });

  it.each(DOMAIN_QUEUES)('lists one file per job routed to %s, and nothing else', (queue) => {
    const files = readdirSync(handlersDir(queue)).filter((name) => !name.startsWith('internal-'));
    expect(files.sort()).toEqual(routedJobs(queue).map(handlerFileOf).sort());
  });

  it.each(DOMAIN_QUEUES)('exports each handler of %s under its name', async (queue) => {
    for (const jobName of routedJobs(queue)) {
      const module = (await import(
        new URL(handlerFileOf(jobName), handlersDir(queue)).href
      )) as Record<string, unknown>;
      expect(Object.keys(module), jobName).toContain(handlerExportOf(jobName));
      expect(typeof module[handlerExportOf(jobName)]).toBe('function');
    }
  });
});
