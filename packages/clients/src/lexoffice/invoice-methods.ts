import {
  LexofficeRequestError,
  type CreatedVoucher,
  type LexofficeVoucher,
} from './lexoffice-contract.js';
import {
  actionResult,
  isObject,
  type DownloadedFile,
  type LexofficeHttp,
  type LexofficeCallOptions,
} from './lexoffice-http.js';
import { findInvoiceByRemark, type FindInvoiceQuery } from './invoice-search.js';
import { salesDocumentRequest } from './sales-document-request.js';
import { UpstreamError } from '../errors.js';

/** An invoice as `GET /v1/invoices/{id}` shows it (the fields we read). */
export interface LexofficeInvoiceRecord {
  id: string;
  /** Lexoffice's number, given when the invoice is finalized (`RE1001`). */
  voucherNumber?: string;
  voucherStatus?: string;
  /** What the customer pays, as Lexoffice computed it. */
  totalGrossAmount?: number;
}

/** Campus's own sales: invoices Lexoffice issues, numbers and renders as a PDF. */
export function invoiceMethods(http: LexofficeHttp) {
  return {
    /**
     * `POST /v1/invoices?finalize=true`: our contract as a finalized
     * (`open`) invoice (salesDocumentRequest: date-times, nothing read-only).
     */
    async createInvoice(
      invoice: LexofficeVoucher,
      opts: LexofficeCallOptions = {},
    ): Promise<CreatedVoucher> {
      if (invoice.voucherType !== 'invoice') {
        throw new LexofficeRequestError(
          `createInvoice takes an invoice, not a ${invoice.voucherType}`,
        );
      }
      const body = salesDocumentRequest(invoice);
      const answer = await http.json('POST', '/v1/invoices?finalize=true', body, opts.signal);
      return actionResult(answer, 'an invoice') as unknown as CreatedVoucher;
    },

    /**
     * `GET /v1/invoices/{id}/document`: renders the PDF of a finalized
     * invoice (the docs: an invoice created `open` through the API has to
     * trigger its rendering here) and gives the file's id; a draft has none (406).
     */
    async getInvoiceDocumentFileId(
      invoiceId: string,
      opts: LexofficeCallOptions = {},
    ): Promise<string> {
      const path = `/v1/invoices/${encodeURIComponent(invoiceId)}/document`;
      const answer = await http.json('GET', path, undefined, opts.signal);
      if (!isObject(answer) || typeof answer.documentFileId !== 'string') {
        throw new UpstreamError(
          `Lexoffice GET /v1/invoices/{id}/document: the answer has no documentFileId`,
          'lexoffice',
          200,
        );
      }
      return answer.documentFileId;
    },

    /** `GET /v1/invoices/{id}`: Lexoffice's number, status and gross total of an invoice. */
    async getInvoice(id: string, opts: LexofficeCallOptions = {}): Promise<LexofficeInvoiceRecord> {
      const path = `/v1/invoices/${encodeURIComponent(id)}`;
      const answer = await http.json('GET', path, undefined, opts.signal);
      const invoice = isObject(answer) ? answer : {};
      const total = isObject(invoice.totalPrice) ? invoice.totalPrice.totalGrossAmount : undefined;
      return {
        id,
        ...(typeof invoice.voucherNumber === 'string'
          ? { voucherNumber: invoice.voucherNumber }
          : {}),
        ...(typeof invoice.voucherStatus === 'string'
          ? { voucherStatus: invoice.voucherStatus }
          : {}),
        ...(typeof total === 'number' ? { totalGrossAmount: total } : {}),
      };
    },

    /** An invoice we created, found by its remark (findInvoiceByRemark). */
    findInvoiceByRemark: (query: FindInvoiceQuery, opts: LexofficeCallOptions = {}) =>
      findInvoiceByRemark(http, query, opts),

    /** `GET /v1/files/{id}`: a file's bytes; `accept` picks the representation (default PDF). */
    async downloadFile(
      fileId: string,
      opts: LexofficeCallOptions & { accept?: string } = {},
    ): Promise<DownloadedFile> {
      const path = `/v1/files/${encodeURIComponent(fileId)}`;
      return http.download(path, opts.accept ?? 'application/pdf', opts.signal);
    },
  };
}
