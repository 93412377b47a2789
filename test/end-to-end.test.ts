import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, waitFor } from '@campus/testing';
import { certificatesAsPromised, dunningAsPromised, loginCodesAsPromised } from './promises.js';
import { startSystem, type RunningSystem } from './system.js';

/** How long a whole-system step may take: every app is its own process on a shared machine. */
const STEP_MS = 60_000;

interface Mail {
  to: string[];
  subject: string;
  text?: string;
  attachments: { filename: string; sha256: string }[];
}
interface Voucher {
  voucherType?: string;
  type?: string;
  [key: string]: unknown;
}

let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({ OFFER_FOLLOW_UP_DELAYS: '1h,2h,3h' });
}, 180_000);
afterAll(async () => {
  await system?.stop();
});

const mails = () => system.control<Mail[]>('/mail');
const mailsTo = async (address: string) => (await mails()).filter((m) => m.to.includes(address));

/** Every domain queue has nothing waiting, active or delayed; returns their failed counts. */
async function drained(): Promise<Record<string, number> | undefined> {
  const failed: Record<string, number> = {};
  for (const queue of Object.values(system.queues.domain)) {
    const counts = await queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'failed',
      'prioritized',
    );
    if (
      (counts.waiting ?? 0) +
        (counts.active ?? 0) +
        (counts.delayed ?? 0) +
        (counts.prioritized ?? 0) >
      0
    ) {
      return undefined;
    }
    failed[queue.name] = counts.failed ?? 0;
  }
  return failed;
}

describe('the whole system, every fixture posted as its sender would', () => {
  it('ends with the mails, vouchers, addresses and subscription the events call for, and nothing failed but the malformed body', async () => {
    const accepted = async (path: string) => {
      const response = await system.sendFixture(path);
      expect(response.status, `${path}: ${response.body}`).toBe(202);
      return JSON.parse(response.body) as { eventKey: string; queues: string[] };
    };

    // Customers first, so the mail and PayPal domains find them in the directory.
    await accepted('fakturia/CUSTOMER_CREATED.json');
    await accepted('fakturia/ORDER_PROCESSED.json');
    await accepted('plenigo/customer-creation.json');
    await accepted('plenigo/customer-deletion.json');
    await waitFor(
      'the customers in ProSonata',
      async () => {
        const addresses = await system.control<{ name1: string }[]>('/prosonata/addresses');
        return addresses.length >= 2 ? addresses : undefined;
      },
      STEP_MS,
    );

    // A contract paid with PayPal gets its subscription and an approval mail.
    await accepted('fakturia/CONTRACT_ACTIVATED.json');
    const [subscription] = await waitFor(
      'the PayPal subscription',
      async () => {
        const subs =
          await system.control<{ id: string; plan_id: string; custom_id?: string }[]>(
            '/paypal/subscriptions',
          );
        return subs.length > 0 ? subs : undefined;
      },
      STEP_MS,
    );
    expect(subscription!.plan_id).toBe('P-SANDBOX-KURS-PM-ABO');

    // Invoices and a correction become vouchers; a dunning letter goes out once.
    await accepted('fakturia/INVOICE_CREATED.json');
    await accepted('fakturia/INVOICECORRECTION_CREATED.json');
    await accepted('plenigo/invoice-creation.json');
    await accepted('fakturia/DUNNING_CREATED.json');
    await waitFor(
      'the Mahnung',
      async () =>
        (await mailsTo('mail@example.net')).some((m) => /Rechnung RE-2024-000042/.test(m.subject))
          ? true
          : undefined,
      STEP_MS,
    );
    const redelivery = await system.sendFixture('fakturia/DUNNING_CREATED-redelivery.json');
    expect(redelivery.status).toBe(200);
    expect(JSON.parse(redelivery.body).status).toBe('duplicate');
    await accepted('fakturia/INVOICE_PAYMENT_RECEIVED.json');

    // PayPal's payment events carry the subscription PayPal created.
    for (const path of ['paypal/PAYMENT.SALE.COMPLETED.json', 'paypal/PAYMENT.SALE.DENIED.json']) {
      const body = readFixture(path).replaceAll('I-BW452GLLEP1G', subscription!.id);
      const response = await system.send('paypal', body);
      expect(response.status, `${path}: ${response.body}`).toBe(202);
    }
    await accepted('plenigo/failed-payment.json');

    // The website: an offer (accepted before its first follow-up), an e-book, a login, a certificate.
    await accepted('campus/form.b2b.angebot.submit.json');
    const offerMail = await waitFor(
      'the offer mail',
      async () => (await mailsTo('jana.krueger@nordwind-logistik.example'))[0],
      STEP_MS,
    );
    const angebotId = /\/angebote\/([A-Za-z0-9-]+)\/annehmen/.exec(offerMail.text ?? '')?.[1];
    expect(angebotId).toMatch(/^ANG-\d{4}-[0-9A-F]{8}$/i);
    const acceptance = await system.send(
      'campus',
      JSON.stringify({ event: 'campus.angebot.angenommen', data: { angebot_id: angebotId } }),
    );
    expect(acceptance.status).toBe(202);
    await accepted('campus/form.ebook.kauf.submit.json');
    await accepted('campus/campus.zertifikat.ausstellen.json');
    await accepted('campus/form.login.magic_code.request.json');
    const loginMail = await waitFor(
      'the login code',
      async () =>
        (await mailsTo('max.mustermann@example.com')).find(
          (m) => /\b[A-Z0-9]{8}\b/.test(m.text ?? '') && /Code|Anmeld/i.test(m.subject),
        ),
      STEP_MS,
    );
    const code = /\b([A-Z0-9]{8})\b/.exec(loginMail.text ?? '')![1];
    const verify = await system.send(
      'campus',
      JSON.stringify({
        event: 'form.login.magic_code.verify',
        data: { email: 'max.mustermann@example.com', code },
      }),
    );
    expect(verify).toEqual({ status: 200, body: '{"valid":true}' });

    // Events routed nowhere are accepted; the malformed body is kept in quarantine.
    await accepted('fakturia/TESTHOOK.json');
    await accepted('plenigo/subscription-change.json');
    const malformed = await system.sendFixture(
      'plenigo/app-store-subscription-creation.malformed.txt',
    );
    expect(malformed.status).toBe(400);

    // Everything settles: every domain queue drained, nothing failed.
    const failed = await waitFor('every queue drained', drained, 120_000);
    expect(failed).toEqual({
      'dunning-mail': 0,
      'invoice-sync': 0,
      'order-to-customer': 0,
      'certificate-mail': 0,
      'offer-mail': 0,
      'login-mail': 0,
      'paypal-subscription': 0,
    });
    const quarantine = await waitFor(
      'the quarantined body to be processed',
      async () => {
        const counts = await system.queues.quarantine.getJobCounts('waiting', 'active', 'failed');
        return counts.waiting === 0 && counts.active === 0 ? counts : undefined;
      },
      STEP_MS,
    );
    expect(quarantine.failed).toBe(1);

    // What the stand-ins received.
    const vouchers = await system.control<Voucher[]>('/lexoffice/vouchers');
    expect(vouchers).toHaveLength(4);
    const addresses =
      await system.control<{ name1: string; addressActive?: number }[]>('/prosonata/addresses');
    const names = addresses.map((a) => a.name1);
    expect(names).toEqual(
      expect.arrayContaining([
        'Holger Tester',
        'Beispiel Consulting GmbH',
        'Nordwind Logistik GmbH',
        'Max Mustermann',
      ]),
    );
    const all = await mails();
    const subjects = (address: string) =>
      all.filter((m) => m.to.includes(address)).map((m) => m.subject);
    expect(subjects('mail@example.net')).toHaveLength(3); // PayPal approval, Mahnung, payment failed
    expect(subjects('plenigo+callback@plenigo.com')).toHaveLength(1);
    expect(subjects('jana.krueger@nordwind-logistik.example')).toHaveLength(1); // follow-ups cancelled
    expect(subjects('max.mustermann@example.com')).toHaveLength(2); // certificate and login code
    const certificate = all.find((m) => m.attachments.some((a) => a.filename.endsWith('.pdf')));
    expect(certificate?.to).toEqual(['max.mustermann@example.com']);
    expect(await system.queues.domain['offer-mail'].getDelayedCount()).toBe(0);
  }, 300_000);

  // Issue #10, on its own addresses, invoices and contracts (test/promises.ts).
  it(
    'mails one certificate for a request sent twice, confirms it on its page and prints names as written',
    () => certificatesAsPromised(system),
    120_000,
  );
  it(
    'lets each code of three pairs of crossing login-code requests log in',
    () => loginCodesAsPromised(system),
    120_000,
  );
  it(
    'holds back a Mahnung while a PayPal payment of its contract counts, and sends it after the refund',
    () => dunningAsPromised(system),
    120_000,
  );
});
