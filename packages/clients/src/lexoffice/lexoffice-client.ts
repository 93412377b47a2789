import { createLexofficeHttp, type LexofficeHttpOptions } from './lexoffice-http.js';
import { invoiceMethods } from './invoice-methods.js';
import { voucherMethods } from './voucher-methods.js';

export type LexofficeClientOptions = LexofficeHttpOptions;

/**
 * Lexware Office (lexoffice) public API, https://developers.lexware.io/docs/
 * (what was checked where: docs/upstreams/lexoffice.md). Bookkeeping vouchers
 * for invoices other systems issued (create, attach the document, find by
 * number); finalized invoices for Campus's own sales with their PDF (and,
 * after a create without an answer, found again by their remark). Every
 * answer that is not 2xx becomes the error type carrying its retry behaviour;
 * nothing is logged, so neither the key nor names and addresses reach a log.
 */
export function createLexofficeClient(options: LexofficeClientOptions) {
  const http = createLexofficeHttp(options);
  return { ...voucherMethods(http), ...invoiceMethods(http) };
}

export type LexofficeClient = ReturnType<typeof createLexofficeClient>;
