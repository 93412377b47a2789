import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaypalPayments } from '@campus/customer-directory';
import { quarantineJobId } from '@campus/queues';
import { CRC32_FIX_MARK, readFixture, waitFor, withCrc32Of } from '@campus/testing';
import { certificatesAsPromised, dunningAsPromised, loginCodesAsPromised } from './promises.js';
import { startSystem, type RedisKind, type RunningSystem } from './system.js';

/** How long a whole-system step may take: every app is its own process on a shared machine. */
const STEP_MS = 60_000;

interface Mail {
  to: string[];
  subject: string;
  text?: string;
  attachments: { filename: string; sha256: string }[];
}
interface Recorded {
  method: string;
  path: string;
}
/** What the Lexoffice stand-in keeps of a voucher or invoice. */
interface Voucher {
  id: string;
  voucherType: string;
  voucherNumber: string;
  voucherStatus: string;
  request: { remark?: string };
  files: string[];
  documentFileId?: string;
}

/** A Fakturia customer no webhook announces: invoice-sync has to fetch it from Fakturia. */
const UNANNOUNCED = {
  customerNumber: 'K5678',
  salutation: 'MS',
  firstName: 'Erika',
  lastName: 'Musterfrau',
  email: 'erika.musterfrau@example.net',
  billingAddress: {
    addressLine1: 'Hauptstraße 5',
    zipCode: '04109',
    cityName: 'Leipzig',
    country: 'DE',
  },
  paymentMethod: 'BANKTRANSFER',
};
/** Fakturia's INVOICE_CREATED fixture as another invoice, of that customer. */
const unannouncedInvoice = () =>
  readFixture('fakturia/INVOICE_CREATED.json')
    .replace('RE-2024-000042', 'RE-2024-000043')
    .replace('"customerNumber": "K1234"', '"customerNumber": "K5678"');

const PAYPAL_EVENTS = [
  'paypal/PAYMENT.SALE.COMPLETED.json',
  'paypal/PAYMENT.SALE.DENIED.json',
  'paypal/BILLING.SUBSCRIPTION.PAYMENT.FAILED.json',
];

/** A customer only Fakturia knows: no CUSTOMER_CREATED announces her. */
const ERIKA = {
  customerNumber: 'K7001',
  email: 'erika.mustermann@example.org',
  firstName: 'Erika',
  lastName: 'Mustermann',
  paymentMethod: 'BANKTRANSFER',
};

/**
 * The whole system, every app its own process, every fixture posted as its
 * sender would, on one Redis or on a local six-node Redis Cluster: the same
 * outcomes at the stand-ins either way (end-to-end.test.ts,
 * end-to-end-cluster.test.ts).
 */
export function endToEnd(kind: RedisKind): void {
  describe(`on ${kind === 'single' ? 'one Redis' : 'a Redis Cluster'}`, () => {
    let system: RunningSystem;

    beforeAll(async () => {
      system = await startSystem({ OFFER_FOLLOW_UP_DELAYS: '1h,2h,3h' }, kind);
    }, 240_000);
    afterAll(async () => {
      await system?.stop();
    });

    const mails = () => system.control<Mail[]>('/mail');
    const mailsTo = async (address: string) =>
      (await mails()).filter((m) => m.to.includes(address));

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
        // A contract that leaves the payment method to its customer, who pays by bank transfer: no subscription.
        await accepted('fakturia/CONTRACT_ACTIVATED-customer-pays.json');

        // Invoices and a correction become vouchers; a dunning letter goes out once. Fakturia
        // knows its customers and serves its invoices' PDFs; one customer no webhook announced.
        const customerCreated = JSON.parse(readFixture('fakturia/CUSTOMER_CREATED.json')) as {
          payload: { customer: object };
        };
        await system.control('/fakturia/customers', {
          customers: [customerCreated.payload.customer, UNANNOUNCED],
        });
        await system.control('/fakturia/invoices', {
          invoices: [{ invoiceNumber: 'RE-2024-000042' }, { invoiceNumber: 'RE-2024-000043' }],
        });
        await accepted('fakturia/INVOICE_CREATED.json');
        const unannounced = await system.send('fakturia', unannouncedInvoice());
        expect(unannounced.status).toBe(202);
        await accepted('fakturia/INVOICECORRECTION_CREATED.json');
        await accepted('plenigo/invoice-creation.json');
        await accepted('fakturia/DUNNING_CREATED.json');
        await waitFor(
          'the Mahnung',
          async () =>
            (await mailsTo('mail@example.net')).some((m) =>
              /Rechnung RE-2024-000042/.test(m.subject),
            )
              ? true
              : undefined,
          STEP_MS,
        );
        const redelivery = await system.sendFixture('fakturia/DUNNING_CREATED-redelivery.json');
        expect(redelivery.status).toBe(200);
        expect(JSON.parse(redelivery.body).status).toBe('duplicate');
        await accepted('fakturia/INVOICE_PAYMENT_RECEIVED.json');

        // A dunning letter for a customer no webhook announced: fetched from Fakturia first.
        await system.control('/fakturia/customers', { customers: [ERIKA] });
        const erikasDunning = JSON.parse(readFixture('fakturia/DUNNING_CREATED.json'));
        erikasDunning.payload.invoice.invoiceNumber = 'RE-2024-000777';
        erikasDunning.payload.invoice.customerNumber = ERIKA.customerNumber;
        const sentForErika = await system.send('fakturia', JSON.stringify(erikasDunning));
        expect(sentForErika.status, sentForErika.body).toBe(202);
        await waitFor(
          'the Mahnung of the customer fetched from Fakturia',
          async () =>
            (await mailsTo(ERIKA.email)).some((m) => /Rechnung RE-2024-000777/.test(m.subject))
              ? true
              : undefined,
          STEP_MS,
        );

        // PayPal's payment events carry the subscription PayPal created; each is confirmed with PayPal.
        for (const path of PAYPAL_EVENTS) {
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
            const counts = await system.queues.quarantine.getJobCounts(
              'waiting',
              'active',
              'failed',
            );
            return counts.waiting === 0 && counts.active === 0 ? counts : undefined;
          },
          STEP_MS,
        );
        expect(quarantine.failed).toBe(1);

        // What the stand-ins received. Fakturia: the customers no webhook announced.
        const fakturiaLookups = await system.control<Recorded[]>('/fakturia/requests');
        expect(fakturiaLookups.map((r) => `${r.method} ${r.path}`)).toContain(
          `GET /fakturia/api/v1/Customers/${ERIKA.customerNumber}`,
        );
        const paypalCalls = (await system.control<Recorded[]>('/paypal/requests')).map(
          (r) => `${r.method} ${r.path}`,
        );
        for (const path of PAYPAL_EVENTS) {
          const { id } = JSON.parse(readFixture(path)) as { id: string };
          expect(paypalCalls).toContain(`GET /paypal/v1/notifications/webhooks-events/${id}`);
        }
        expect(
          await system.control<{ id: string }[]>('/paypal/subscriptions'),
          'one subscription: the bank-transfer contract has none',
        ).toHaveLength(1);
        // Lexoffice: one bookkeeping voucher per Fakturia and plenigo
        // invoice under the sender's number, Fakturia's with its PDF; the e-book sale a finalized invoice.
        const vouchers = await system.control<Voucher[]>('/lexoffice/vouchers');
        const booked = vouchers.map((v) => `${v.voucherType} ${v.voucherNumber} ${v.files.length}`);
        expect(booked.sort()).toEqual([
          'invoice RE1001 0',
          'salescreditnote GS-2024-000007 0',
          'salesinvoice 223 0',
          'salesinvoice RE-2024-000042 1',
          'salesinvoice RE-2024-000043 1',
        ]);
        const fakturiaPdfs = await system.control<{ sha256: string }[]>('/fakturia/invoices');
        const lexofficeFiles =
          await system.control<{ id: string; sha256: string }[]>('/lexoffice/files');
        for (const voucher of vouchers.filter((v) => v.files.length > 0)) {
          const attached = lexofficeFiles.find((f) => f.id === voucher.files[0]);
          expect(fakturiaPdfs.map((p) => p.sha256)).toContain(attached?.sha256);
        }
        const ebookInvoice = vouchers.find((v) => v.voucherType === 'invoice')!;
        expect(ebookInvoice.voucherStatus).toBe('open');
        // The customer no webhook announced was fetched from Fakturia and named on the voucher.
        const fakturiaCalls =
          await system.control<{ method: string; path: string; status: number }[]>(
            '/fakturia/requests',
          );
        expect(fakturiaCalls).toContainEqual(
          expect.objectContaining({
            method: 'GET',
            path: '/fakturia/api/v1/Customers/K5678',
            status: 200,
          }),
        );
        expect(vouchers.find((v) => v.voucherNumber === 'RE-2024-000043')?.request.remark).toBe(
          'Referenz: Fakturia-Rechnung RE-2024-000043; Kunde K5678: Erika Musterfrau',
        );
        const addresses =
          await system.control<{ name1: string; customerID: number; addressActive?: number }[]>(
            '/prosonata/addresses',
          );
        // The prospect by its customer group (PROSONATA_PROSPECT_CUSTOMER_ID, 3 in the sandbox).
        expect(addresses.find((a) => a.name1 === 'Nordwind Logistik GmbH')?.customerID).toBe(3);
        const prosonataCalls =
          await system.control<(Recorded & { undocumented?: string[] })[]>('/prosonata/requests');
        expect(prosonataCalls.filter((r) => r.undocumented !== undefined)).toEqual([]);
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
        // PayPal approval, Mahnung, payment failed (the denied sale and the subscription's failed payment)
        expect(subjects('mail@example.net')).toHaveLength(4);
        expect(subjects(ERIKA.email)).toEqual(['Zahlungserinnerung zur Rechnung RE-2024-000777']);
        expect(subjects('plenigo+callback@plenigo.com')).toHaveLength(1);
        expect(subjects('jana.krueger@nordwind-logistik.example')).toHaveLength(1); // follow-ups cancelled
        expect(subjects('max.mustermann@example.com')).toHaveLength(3); // certificate, login code, e-book
        const certificate = all.find((m) => /Zertifikat/.test(m.subject));
        expect(certificate?.to).toEqual(['max.mustermann@example.com']);
        expect(certificate?.attachments.map((a) => a.filename.endsWith('.pdf'))).toEqual([true]);
        // The e-book buyer's one mail: the invoice's PDF and the download link.
        const ebookMails = all.filter((m) => /E-Book/.test(m.subject));
        expect(ebookMails).toHaveLength(1);
        expect(ebookMails[0]!.to).toEqual(['max.mustermann@example.com']);
        const invoicePdf = lexofficeFiles.find((f) => f.id === ebookInvoice.documentFileId);
        expect(ebookMails[0]!.attachments).toEqual([
          expect.objectContaining({ filename: 'Rechnung-RE1001.pdf', sha256: invoicePdf?.sha256 }),
        ]);
        expect(ebookMails[0]!.text).toMatch(
          /https:\/\/campus\.example\/downloads\/ebook-agiles-arbeiten\.pdf\?expires=\d+&signature=[\w-]{43}/,
        );
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

    /**
     * Issue #9: PayPal signs only a CRC32 of the body. An attacker who sees a
     * delivery in transit rewrites it (another id, contract and amount, the CRC32
     * fixed inside `summary`) and posts it first: the receiver cannot tell, so the
     * worker asks PayPal before it acts.
     */
    describe('a forged PayPal event with a genuine transmission signature', () => {
      /** Rewrites a captured body into the attacker's, with the genuine body's CRC32. */
      const forge = (genuine: string, changes: [string, string][]) =>
        withCrc32Of(
          genuine,
          changes.reduce((body, [from, to]) => body.replace(from, to), genuine),
        );

      /** The job of an event in a domain queue, once it has failed `attempts` times for good. */
      const failedFor = (queue: 'invoice-sync' | 'dunning-mail', id: string, attempts = 1) =>
        waitFor(
          `${id} to fail in ${queue}`,
          async () => {
            const job = await system.queues.domain[queue].getJob(`paypal.${id}`);
            const state = await system.queues.domain[queue].getJobState(`paypal.${id}`);
            return state === 'failed' && (job?.attemptsMade ?? 0) >= attempts ? job : undefined;
          },
          STEP_MS,
        );

      it('marks nothing paid; the genuine payment, resent by PayPal, is recorded', async () => {
        const payments = createPaypalPayments(system.connection, 'e2e');
        const genuine = readFixture('paypal/PAYMENT.SALE.COMPLETED.json')
          .replace('67976317FL4543714', '67976317FL4549999')
          .replace('"custom": "V-1001"', '"custom": "V-7777"')
          .replace('I-BW452GLLEP1G', 'I-UNLINKED00001');
        const caught = await system.capturePaypal(genuine);
        const forged = forge(genuine, [
          ['WH-2WR32451HC0233532-67976317FL4549999', 'WH-FORGED000000000-00000000000000000'],
          ['"total": "100.00"', '"total": "0.01"'],
          ['"custom": "V-7777"', '"custom": "V-6666"'],
          ['Payment completed for EUR 100.0 EUR', `Payment completed ${CRC32_FIX_MARK}`],
        ]);

        // The forgery beats the genuine delivery: the signature holds, the receiver queues it.
        expect((await system.postPaypal(forged, caught.headers)).status).toBe(202);
        // The genuine delivery then finds its transmission id taken; PayPal sends it again, signed afresh.
        expect((await system.postPaypal(caught.body, caught.headers)).status).toBe(401);
        expect((await system.send('paypal', genuine)).status).toBe(202);

        const job = await failedFor('invoice-sync', 'WH-FORGED000000000-00000000000000000');
        expect(job?.failedReason).toMatch(
          /^PaypalEventNotConfirmedError: PayPal does not confirm PAYMENT\.SALE\.COMPLETED WH-FORGED000000000-00000000000000000: PayPal does not know the event/,
        );
        await waitFor(
          'the genuine payment',
          async () => ((await payments.salesOf('V-7777')).length > 0 ? true : undefined),
          STEP_MS,
        );
        expect(await payments.salesOf('V-7777')).toMatchObject([{ amount: 100 }]);
        expect(await payments.salesOf('V-6666')).toEqual([]);

        // The forgery waits in the quarantine for an operator; a retry queues it again, and PayPal says no again.
        const quarantineId = quarantineJobId('paypal', forged);
        const kept = await waitFor(
          'the quarantined forgery',
          async () => {
            const kept = await system.queues.quarantine.getJob(quarantineId);
            return kept?.failedReason ? kept : undefined;
          },
          STEP_MS,
        );
        expect(kept.name).toBe('paypal.unconfirmed');
        expect(kept.failedReason).toMatch(
          /^Not replayed on its own: PayPal did not confirm this event/,
        );
        await kept.retry('failed'); // what the dashboard's Retry does
        await failedFor('invoice-sync', 'WH-FORGED000000000-00000000000000000', 2);
        expect(await payments.salesOf('V-6666')).toEqual([]);
      }, 120_000);

      it('sends no payment-failed notice', async () => {
        const before = (await mailsTo('mail@example.net')).length;
        const [subscription] = await system.control<{ id: string }[]>('/paypal/subscriptions');
        const genuine = readFixture('paypal/PAYMENT.SALE.DENIED.json')
          .replace('11V2185806837105M', '11V2185806837199M')
          .replaceAll('I-BW452GLLEP1G', subscription!.id);
        const caught = await system.capturePaypal(genuine);
        const forged = forge(genuine, [
          ['WH-7Y7254563A4550640-11V2185806837199M', 'WH-FORGED000000000-00000000000000001'],
          ['A EUR 100.0 EUR sale payment was denied', `A sale payment ${CRC32_FIX_MARK}`],
        ]);

        expect((await system.postPaypal(forged, caught.headers)).status).toBe(202);
        const job = await failedFor('dunning-mail', 'WH-FORGED000000000-00000000000000001');
        expect(job?.failedReason).toMatch(/^PaypalEventNotConfirmedError/);
        expect(await mailsTo('mail@example.net')).toHaveLength(before);
      }, 120_000);
    });
  });
}
