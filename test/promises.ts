import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DomainQueue } from '@campus/events';
import type { SinkMail } from '@campus/sandbox';
import { readFixture, waitFor } from '@campus/testing';
import type { RunningSystem } from './system.js';

/**
 * What Campus promises its customers (issue #10), checked through the real
 * processes, the receiver's webhooks and the sandbox's SMTP sink: one
 * certificate per request however often it is sent, its page, names printed
 * as written, every login code of crossing requests working, and a Mahnung
 * held back by a PayPal payment and sent after its refund. Each step uses
 * addresses, invoices and contracts of its own, so it does not touch what the
 * other end-to-end expectations count.
 */
const STEP_MS = 60_000;

const mailsTo = async (system: RunningSystem, address: string) =>
  (await system.control<SinkMail[]>('/mail')).filter((m) => m.to.includes(address));

/** Waits until `count` mails reached `address`; answers them. */
const mailsArrived = (system: RunningSystem, address: string, count: number) =>
  waitFor(
    `${count} mail(s) to ${address}`,
    async () => {
      const mails = await mailsTo(system, address);
      return mails.length >= count ? mails : undefined;
    },
    STEP_MS,
  );

async function accepted(
  system: RunningSystem,
  source: 'campus' | 'fakturia' | 'paypal',
  body: string,
) {
  const response = await system.send(source, body);
  expect(response.status, response.body).toBe(202);
  return (JSON.parse(response.body) as { eventKey: string }).eventKey;
}

/** The job's return value once it completed (it must not fail). */
async function completed(system: RunningSystem, queue: DomainQueue, jobId: string) {
  const q = system.queues.domain[queue];
  return waitFor(
    `${queue} job ${jobId} completed`,
    async () => {
      const state = await q.getJobState(jobId);
      expect(state, `${queue} job ${jobId}`).not.toBe('failed');
      return state === 'completed' ? (await q.getJob(jobId))?.returnvalue : undefined;
    },
    STEP_MS,
  );
}

/** A mail's PDF attachment as pdftotext (poppler-utils) reads it, spaces evened out. */
async function pdfText(
  system: RunningSystem,
  mail: SinkMail,
): Promise<{ text: string; sha256: string }> {
  const response = await fetch(
    `${system.sandbox}/mail/${encodeURIComponent(mail.id)}/attachments/0`,
  );
  const pdf = Buffer.from(await response.arrayBuffer());
  const dir = mkdtempSync(join(tmpdir(), 'e2e-zertifikat-'));
  try {
    writeFileSync(join(dir, 'z.pdf'), pdf);
    const out = spawnSync('pdftotext', ['-layout', join(dir, 'z.pdf'), '-'], { encoding: 'utf8' });
    return {
      text: out.stdout.replace(/\s+/g, ' '),
      sha256: createHash('sha256').update(pdf).digest('hex'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const zertifikat = (teilnehmer: { vorname: string; nachname: string; email: string }) =>
  JSON.stringify({
    event: 'campus.zertifikat.ausstellen',
    data: { teilnehmer, produkt_name: 'Zarządzanie projektami', abschluss_datum: '2026-03-14' },
  });

export async function certificatesAsPromised(system: RunningSystem): Promise<void> {
  const lukasz = { vorname: 'Łukasz', nachname: 'Żółć', email: 'lukasz.zolc@example.org' };
  const minh = { vorname: 'Nguyễn Thị', nachname: 'Minh Khai', email: 'minh.khai@example.org' };
  // The same request twice, each with a new webhook-id (a resubmitted form).
  const twice = [
    await accepted(system, 'campus', zertifikat(lukasz)),
    await accepted(system, 'campus', zertifikat(lukasz)),
  ];
  await accepted(system, 'campus', zertifikat(minh));
  expect(twice[0]).not.toBe(twice[1]);
  const outcomes = await Promise.all(twice.map((id) => completed(system, 'certificate-mail', id)));
  // Worked on one after the other or at once: one number, and the mail below went out once.
  expect(outcomes[1].zertifikatNr).toBe(outcomes[0].zertifikatNr);

  const [mail] = await mailsArrived(system, lukasz.email, 1);
  expect(await mailsTo(system, lukasz.email)).toHaveLength(1);
  const nummer = outcomes[0].zertifikatNr as string;
  const pdf = await pdfText(system, mail!);
  expect(pdf.text).toContain(`dass Łukasz Żółć den Kurs`);
  expect(mail!.attachments[0]!.sha256).toBe(pdf.sha256);
  expect(mail!.text).toContain(pdf.sha256);
  const [minhMail] = await mailsArrived(system, minh.email, 1);
  expect((await pdfText(system, minhMail!)).text).toContain('dass Nguyễn Thị Minh Khai den Kurs');

  // The page the mail links to confirms it; an unknown number is not found.
  const link = `${system.receiver}/zertifikate/${nummer}`;
  expect(mail!.text).toContain(link);
  const page = await fetch(link);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain('Łukasz Żółć');
  expect(html).toContain(pdf.sha256);
  expect(html).not.toContain(lukasz.email);
  const json = await fetch(link, { headers: { accept: 'application/json' } });
  expect(await json.json()).toMatchObject({ gueltig: true, nummer, sha256: pdf.sha256 });
  const unknown = await fetch(`${system.receiver}/zertifikate/Z-2026-000000`);
  expect(unknown.status).toBe(404);
  expect(await unknown.text()).toContain('Zertifikat nicht gefunden');
}

export async function loginCodesAsPromised(system: RunningSystem): Promise<void> {
  const request = (email: string) =>
    JSON.stringify({ event: 'form.login.magic_code.request', data: { email } });
  // Three double clicks; the customer types the code of the first mail, the second, the first.
  for (const [pair, used] of [0, 1, 0].entries()) {
    const email = `crossing.${pair}@example.org`;
    await Promise.all([
      accepted(system, 'campus', request(email)),
      accepted(system, 'campus', request(email)),
    ]);
    const mails = await mailsArrived(system, email, 2);
    const codes = mails.map((m) => /^ {4}([A-Z0-9]{8})$/m.exec(m.text ?? '')?.[1]);
    expect(codes[0]).not.toBe(codes[1]);
    const verify = await system.send(
      'campus',
      JSON.stringify({ event: 'form.login.magic_code.verify', data: { email, code: codes[used] } }),
    );
    expect(verify, `pair ${pair}`).toEqual({ status: 200, body: '{"valid":true}' });
  }
}

export async function dunningAsPromised(system: RunningSystem): Promise<void> {
  const email = 'paula.paypal@example.org';
  const customer = JSON.parse(readFixture('fakturia/CUSTOMER_CREATED.json'));
  Object.assign(customer.payload.customer, {
    customerNumber: 'K7001',
    firstName: 'Paula',
    lastName: 'Beispiel',
    email,
  });
  await accepted(system, 'fakturia', JSON.stringify(customer));
  await waitFor(
    'the customer in the directory',
    async () =>
      (await system.connection.exists('e2e:customer:fakturia:K7001')) ? true : undefined,
    STEP_MS,
  );

  // PayPal reports the contract's payment; then Fakturia, not knowing it, dunns the invoice.
  const payment = JSON.parse(readFixture('paypal/PAYMENT.SALE.COMPLETED.json'));
  payment.id = 'WH-E2E-PROMISE-PAID';
  Object.assign(payment.resource, {
    id: 'E2EPROMISESALE01',
    billing_agreement_id: 'I-E2E-NOT-LINKED',
    custom: 'V-7001',
  });
  await completed(
    system,
    'invoice-sync',
    await accepted(system, 'paypal', JSON.stringify(payment)),
  );
  const dunning = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
  Object.assign(dunning.payload.invoice, {
    invoiceNumber: 'RE-2024-007001',
    customerNumber: 'K7001',
    contractNumber: 'V-7001',
  });
  const held = await completed(
    system,
    'dunning-mail',
    await accepted(system, 'fakturia', JSON.stringify(dunning)),
  );
  expect(held).toEqual({ skipped: 'paid_via_paypal', saleId: 'E2EPROMISESALE01' });
  expect(await mailsTo(system, email)).toHaveLength(0);

  // The payment is refunded: the Mahnung goes out, once.
  const refund = JSON.parse(readFixture('paypal/PAYMENT.SALE.REFUNDED.json'));
  refund.id = 'WH-E2E-PROMISE-REFUND';
  refund.resource.sale_id = 'E2EPROMISESALE01';
  const refundKey = await accepted(system, 'paypal', JSON.stringify(refund));
  const [mahnung] = await mailsArrived(system, email, 1);
  expect(mahnung!.subject).toBe('Zahlungserinnerung zur Rechnung RE-2024-007001');
  expect(await completed(system, 'dunning-mail', refundKey)).toMatchObject({
    released: true,
    template: 'mahnung_1',
  });
  expect(await mailsTo(system, email)).toHaveLength(1);
}
