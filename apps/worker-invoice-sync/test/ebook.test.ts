import { describe, expect } from 'vitest';
import { loadConfig, parseDurationMs } from '@campus/config';
import { readFixture, waitFor } from '@campus/testing';
import type { WorkerWorld } from '@campus/worker-testing';
import { verifyDownloadLink } from '../src/download-link.js';
import {
  invoiceSyncEnv,
  lexofficeFiles,
  lexofficeRequests,
  test,
  vouchers,
  worldTest,
} from './world.js';

const BUYER = 'max.mustermann@example.com';
const SLUG = 'ebook-agiles-arbeiten';
const EBOOK_URL = 'https://campus.example/downloads/ebook-agiles-arbeiten.pdf';

/** The website's purchase; a redelivery of it carries the same `webhook-id`. */
const deliverSale = (world: WorkerWorld, webhookId = 'msg_2Lo4cZ4yEbookKauf') =>
  world.deliver('campus', 'campus/form.ebook.kauf.submit.json', {
    receivedAt: '2024-06-30T22:30:00.000Z',
    webhookId,
  });

/** The download link in a mail's text part. */
const linkIn = (text: string | undefined) => /https:\/\/\S+\?expires=\S+/.exec(text ?? '')?.[0];

const invoicePosts = async (world: WorkerWorld) =>
  (await lexofficeRequests(world)).filter(
    (r) => r.method === 'POST' && r.path === '/lexoffice/v1/invoices',
  );

/** The one invoice and the one mail a sale must leave behind. */
async function oneInvoiceOneMail(world: WorkerWorld) {
  const invoices = await vouchers(world);
  expect(invoices).toHaveLength(1);
  expect(await invoicePosts(world)).toHaveLength(1);
  const mails = await world.mails(BUYER);
  expect(mails).toHaveLength(1);
  return { invoice: invoices[0]!, mail: mails[0]! };
}

describe('the e-book buyer', () => {
  test('gets a finalized Lexoffice invoice, then one mail with its PDF and a signed download link', async ({
    world,
  }) => {
    const before = Date.now();
    const { eventKey } = await deliverSale(world);

    const job = await world.settled(eventKey);
    const after = Date.now();
    expect(job.state).toBe('completed');
    const { invoice, mail } = await oneInvoiceOneMail(world);
    expect(invoice).toMatchObject({
      voucherType: 'invoice',
      voucherStatus: 'open',
      voucherNumber: 'RE1001',
    });
    expect(invoice.request).toEqual({
      // 00:30 on 1 July in Germany.
      voucherDate: '2024-07-01T00:00:00.000+02:00',
      address: {
        name: 'Max Mustermann',
        street: 'Lindenallee 12',
        zip: '50667',
        city: 'Köln',
        countryCode: 'DE',
      },
      lineItems: [
        {
          type: 'custom',
          name: 'E-Book Agiles Arbeiten',
          quantity: 1,
          unitName: 'Stück',
          unitPrice: { currency: 'EUR', netAmount: 18.69, taxRatePercentage: 7 },
        },
      ],
      totalPrice: { currency: 'EUR' },
      taxConditions: { taxType: 'net' },
      shippingConditions: {
        shippingType: 'service',
        shippingDate: '2024-07-01T00:00:00.000+02:00',
      },
      title: 'Rechnung',
      introduction: 'Ihre Bestellung: E-Book Agiles Arbeiten',
      remark: `Referenz: Website-Bestellung ${eventKey}`,
    });
    const asked = (await lexofficeRequests(world)).map(
      (r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`,
    );
    expect(asked).toEqual([
      'POST /lexoffice/v1/invoices 201',
      'GET /lexoffice/v1/invoices/{id} 200',
      'GET /lexoffice/v1/invoices/{id}/document 200',
      'GET /lexoffice/v1/files/{id} 200',
    ]);

    expect(mail.subject).toBe('Ihr E-Book „E-Book Agiles Arbeiten“ und Ihre Rechnung RE1001');
    expect(mail.text).toContain('Guten Tag Max Mustermann,');
    expect(mail.text).toContain('Rechnungsbetrag: 20,00 €');
    // The attachment is the PDF Lexoffice rendered for this invoice.
    const rendered = (await lexofficeFiles(world)).find((f) => f.id === invoice.documentFileId);
    expect(mail.attachments).toEqual([
      expect.objectContaining({
        filename: 'Rechnung-RE1001.pdf',
        contentType: 'application/pdf',
        sha256: rendered!.sha256,
      }),
    ]);
    const pdf = await world.attachment(mail.id, 0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The link opens the e-book at the website until DOWNLOAD_LINK_TTL (30 days) is over.
    const link = linkIn(mail.text);
    expect(link?.startsWith(`${EBOOK_URL}?expires=`)).toBe(true);
    const { linkSecret, linkTtl } = loadConfig(['downloads'], invoiceSyncEnv(world)).downloads;
    const expires = Number(new URL(link!).searchParams.get('expires'));
    const ttlSeconds = parseDurationMs(linkTtl) / 1000;
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) + ttlSeconds);
    expect(expires).toBeLessThanOrEqual(Math.ceil(after / 1000) + ttlSeconds);
    expect(verifyDownloadLink(link!, SLUG, linkSecret, Math.floor(after / 1000))).toBe(true);
    expect(verifyDownloadLink(link!, SLUG, linkSecret, expires)).toBe(false);
    expect(mail.html).toContain(`href="${link!.replaceAll('&', '&amp;')}"`);

    expect(job.returnvalue).toEqual({
      invoiceId: invoice.id,
      invoiceNumber: 'RE1001',
      reference: `Website-Bestellung ${eventKey}`,
      messageId: mail.messageId,
    });
  });

  test('gets one mail and one invoice when Lexoffice fails between the invoice and its document', async ({
    world,
  }) => {
    await world.control('POST', '/lexoffice/fail', { count: 1, mode: 'error', path: '/document$' });

    const { eventKey } = await deliverSale(world);

    expect(await world.settled(eventKey)).toMatchObject({ state: 'completed', attemptsMade: 2 });
    const { mail } = await oneInvoiceOneMail(world);
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'Rechnung-RE1001.pdf' }),
    ]);
    const documents = (await lexofficeRequests(world)).filter((r) => r.path.endsWith('/document'));
    expect(documents.map((r) => r.status)).toEqual([500, 200]);
  });

  worldTest(
    'gets one invoice when the answer to its creation is lost: the retry finds it by its remark',
    async ({ world, startWorker }) => {
      await world.control('POST', '/lexoffice/fail', {
        count: 1,
        mode: 'timeout-after-work',
        path: '/v1/invoices$',
      });
      await startWorker({ timeoutMs: 500 });

      const { eventKey } = await deliverSale(world);

      expect(await world.settled(eventKey)).toMatchObject({
        state: 'completed',
        attemptsMade: 2,
        returnvalue: { invoiceNumber: 'RE1001', found: true },
      });
      await oneInvoiceOneMail(world);
    },
  );

  test('gets one mail when the sale is delivered again after the mail server had turned it away', async ({
    world,
  }) => {
    await world.smtp.arm('temporary');
    const { eventKey } = await deliverSale(world);
    const failed = await world.settled(eventKey);
    expect(failed).toMatchObject({ state: 'failed', attemptsMade: 3 });
    expect(failed.failedReason).toMatch(/451/);
    expect(await world.mails(BUYER)).toEqual([]);
    const failedAt = Math.floor(Date.now() / 1000);

    await world.smtp.clear();
    // The redelivery comes in a later second than the first attempt to mail.
    await waitFor('the next second', async () => Math.floor(Date.now() / 1000) > failedAt);
    expect(await deliverSale(world)).toMatchObject({
      status: 'accepted',
      requeued: ['invoice-sync'],
    });

    expect(await world.settled(eventKey)).toMatchObject({ state: 'completed' });
    const { mail } = await oneInvoiceOneMail(world);
    // The link's expiry was fixed at the first attempt to mail, not at the redelivery.
    const { linkTtl } = loadConfig(['downloads'], invoiceSyncEnv(world)).downloads;
    const expires = Number(new URL(linkIn(mail.text)!).searchParams.get('expires'));
    expect(expires).toBeLessThanOrEqual(failedAt + parseDurationMs(linkTtl) / 1000);
  });

  worldTest(
    'is not invoiced when the catalog has no file to download for the product, and the job says why',
    async ({ world, startWorker }) => {
      await startWorker({
        env: {
          PRODUCT_CATALOG: JSON.stringify({
            'ebook-agiles-arbeiten': {
              name: 'E-Book Agiles Arbeiten',
              netPrice: 18.69,
              taxRate: 7,
            },
          }),
        },
      });
      const { eventKey } = await deliverSale(world);

      const job = await world.settled(eventKey);
      expect(job).toMatchObject({ state: 'failed', attemptsMade: 1 });
      expect(job.failedReason).toBe(
        'ProductWithoutDownloadError: product "ebook-agiles-arbeiten" has no downloadUrl in the product ' +
          'catalog (PRODUCT_CATALOG), so its buyer would get no e-book: add the URL the website serves it ' +
          'at, restart the worker, then retry this job (nothing was invoiced yet)',
      );
      expect(await lexofficeRequests(world)).toEqual([]);
      expect(await world.mails(BUYER)).toEqual([]);
    },
  );

  test('is not invoiced for a product the catalog does not know, naming the slug', async ({
    world,
  }) => {
    const body = readFixture('campus/form.ebook.kauf.submit.json').replace(
      'ebook-agiles-arbeiten',
      'ebook-gibt-es-nicht',
    );
    const { eventKey } = await world.deliver('campus', body);

    const job = await world.settled(eventKey);
    expect(job.state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain(
      'product "ebook-gibt-es-nicht" is not in the product catalog',
    );
    expect(await lexofficeRequests(world)).toEqual([]);
  });
});
