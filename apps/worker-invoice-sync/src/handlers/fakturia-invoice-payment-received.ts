import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { InvoiceDataError } from '../errors.js';

/**
 * Fakturia INVOICE_PAYMENT_RECEIVED → the invoice is paid in the ledger, so the
 * dunning worker sends no further Mahnung for it. Writing it twice is harmless.
 */
export function handleFakturiaInvoicePaymentReceived(
  deps: InvoiceSyncDeps,
): EventHandler<'fakturia.INVOICE_PAYMENT_RECEIVED'> {
  return async ({ payload }, ctx): Promise<{ ledgerKey: string }> => {
    const invoiceNumber = payload.invoice.invoiceNumber;
    if (!invoiceNumber) {
      throw new InvoiceDataError('Fakturia INVOICE_PAYMENT_RECEIVED', 'no invoice.invoiceNumber');
    }
    await deps.ledger.markPaid(invoiceNumber, {
      paidAt: payload.payDate || ctx.receivedAt,
      ...(typeof payload.payAmount === 'number' ? { amount: payload.payAmount } : {}),
      source: 'fakturia',
    });
    ctx.log.info({ invoiceNumber }, 'payment recorded');
    return { ledgerKey: invoiceNumber };
  };
}
