import { composeMail, sendOnce, type MailSender } from '@campus/mailer';
import type { JobContext } from '@campus/queues';
import { downloadLink } from './download-link.js';
import type { EbookSale } from './ebook-sale.js';
import { InvoiceWithoutNumberError } from './errors.js';
import { createAtLexofficeOnce, type LexofficeOnceDeps } from './lexoffice-once.js';
import { checkContract } from './voucher-contract.js';

export interface EbookDeps extends LexofficeOnceDeps {
  /** The buyer's mail. */
  mail: MailSender;
  /** DOWNLOAD_LINK_SECRET and DOWNLOAD_LINK_TTL (in ms). */
  downloads: { linkSecret: string; linkTtlMs: number };
}

export interface Buyer {
  email: string;
  name: string | undefined;
}

/** The job's result: ids and numbers only. */
export interface SoldEbook {
  invoiceId: string;
  invoiceNumber: string;
  reference: string;
  messageId: string;
  found?: true;
}

// Lexoffice's clock and ours may disagree a little.
const CLOCK_SLACK_MS = 2 * 60_000;

/** What the buyer's mail needs of the invoice: recorded once, so a retry asks Lexoffice nothing more. */
interface InvoiceDocument {
  invoiceNumber: string;
  fileId: string;
  totalGrossAmount?: number;
}

/** `Rechnung-RE1001.pdf`; a number Lexoffice formats with other characters keeps to a safe file name. */
const fileNameOf = (invoiceNumber: string) =>
  `Rechnung-${invoiceNumber.replace(/[^A-Za-z0-9_-]/g, '-')}.pdf`;

/**
 * The e-book sale: a finalized Lexoffice invoice (once, found again by its
 * remark after an unanswered create), its number and PDF, then ONE mail to
 * the buyer with the PDF and the signed download link. Each step is recorded
 * (ctx.once), so a Lexoffice failure between them retries only what is left:
 * it delays the mail, never doubles it or the invoice.
 */
export async function sellEbook(
  sale: EbookSale,
  buyer: Buyer,
  deps: EbookDeps,
  ctx: JobContext,
): Promise<SoldEbook> {
  const voucher = checkContract(sale);
  const remark = voucher.remark ?? '';
  const invoice = await createAtLexofficeOnce(
    {
      step: 'lexoffice-invoice',
      reference: sale.reference,
      lookFor: `an invoice with the remark "${remark}"`,
      create: (signal) => deps.lexoffice.createInvoice(voucher, { signal }),
      findEarlier: (since, now, signal) =>
        deps.lexoffice.findInvoiceByRemark(
          {
            remark,
            contactName: voucher.address.name,
            createdFrom: new Date(since - CLOCK_SLACK_MS),
            createdTo: new Date(now + CLOCK_SLACK_MS),
          },
          { signal },
        ),
    },
    deps,
    ctx,
  );

  const document = await ctx.once(
    'lexoffice-invoice-document',
    async (): Promise<InvoiceDocument> => {
      const read = await deps.lexoffice.getInvoice(invoice.id, { signal: ctx.signal });
      if (!read.voucherNumber) throw new InvoiceWithoutNumberError(invoice.id, read.voucherStatus);
      const fileId = await deps.lexoffice.getInvoiceDocumentFileId(invoice.id, {
        signal: ctx.signal,
      });
      return {
        invoiceNumber: read.voucherNumber,
        fileId,
        ...(read.totalGrossAmount === undefined ? {} : { totalGrossAmount: read.totalGrossAmount }),
      };
    },
  );

  // Counted from the first attempt to mail, and kept: a resend renders the same link.
  const { expires } = await ctx.once('download-link', async () => ({
    expires: Math.floor(((deps.now?.() ?? Date.now()) + deps.downloads.linkTtlMs) / 1000),
  }));
  const { product } = sale;
  const sent = await sendOnce(ctx, deps.mail, async () => {
    // The PDF is fetched only for the send, not kept in Redis (a GET, safe to repeat).
    const pdf = await deps.lexoffice.downloadFile(document.fileId, { signal: ctx.signal });
    return composeMail('ebook_kauf', {
      to: buyer.email,
      vars: {
        ...(buyer.name === undefined ? {} : { kunde_name: buyer.name }),
        produkt_name: product.name,
        rechnung_nr: document.invoiceNumber,
        download_link: downloadLink(
          product.downloadUrl,
          product.slug,
          expires,
          deps.downloads.linkSecret,
        ),
        link_gueltig_bis: new Date(expires * 1000).toISOString(),
        ...(document.totalGrossAmount === undefined ? {} : { betrag: document.totalGrossAmount }),
      },
      attachments: [
        {
          filename: fileNameOf(document.invoiceNumber),
          content: pdf.data,
          contentType: 'application/pdf',
        },
      ],
    });
  });
  ctx.log.info(
    {
      reference: sale.reference,
      invoiceId: invoice.id,
      invoiceNumber: document.invoiceNumber,
      messageId: sent.messageId,
    },
    'e-book invoiced and mailed to the buyer',
  );
  return {
    invoiceId: invoice.id,
    invoiceNumber: document.invoiceNumber,
    reference: sale.reference,
    messageId: sent.messageId,
    ...(invoice.found ? { found: true as const } : {}),
  };
}
