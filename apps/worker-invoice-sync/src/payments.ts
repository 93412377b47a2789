import type { InvoiceLedger, SubscriptionLinks } from '@campus/customer-directory';
import type { FakturiaPayloads, PaypalEvent, PaypalSale } from '@campus/events';
import type { JobContext } from '@campus/queues';
import { InvoiceDataError, PaymentWithoutContractError } from './errors.js';

/** Ledger key of a PayPal payment: PayPal names no invoice, only the subscription's contract. */
export const contractLedgerKey = (contractNumber: string) => `contract:${contractNumber}`;

/**
 * INVOICE_PAYMENT_RECEIVED → the invoice is paid in the ledger, so the
 * dunning worker sends no further Mahnung for it. Writing it twice is harmless.
 */
export async function recordFakturiaPayment(
  payload: FakturiaPayloads['INVOICE_PAYMENT_RECEIVED'],
  ledger: InvoiceLedger,
  ctx: JobContext,
): Promise<{ ledgerKey: string }> {
  const invoiceNumber = payload.invoice.invoiceNumber;
  if (!invoiceNumber) {
    throw new InvoiceDataError('Fakturia INVOICE_PAYMENT_RECEIVED', 'no invoice.invoiceNumber');
  }
  await ledger.markPaid(invoiceNumber, {
    paidAt: payload.payDate || ctx.receivedAt,
    ...(typeof payload.payAmount === 'number' ? { amount: payload.payAmount } : {}),
    source: 'fakturia',
  });
  ctx.log.info({ invoiceNumber }, 'payment recorded');
  return { ledgerKey: invoiceNumber };
}

/**
 * PAYMENT.SALE.COMPLETED → the contract behind the PayPal subscription is
 * paid, recorded under `contract:<contractNumber>`. The contract comes from
 * the subscription link (written when the subscription was created) or else
 * from `custom`, where we put the contract number on creation.
 */
export async function recordPaypalPayment(
  event: PaypalEvent<PaypalSale>,
  ledger: InvoiceLedger,
  links: SubscriptionLinks,
  ctx: JobContext,
): Promise<{ ledgerKey: string }> {
  const sale = event.resource;
  const subscriptionId = sale.billing_agreement_id;
  const link = subscriptionId ? await links.find(subscriptionId) : undefined;
  const contractNumber = link?.contractNumber ?? (sale.custom?.trim() || undefined);
  if (!contractNumber) throw new PaymentWithoutContractError(sale.id, subscriptionId);
  const amount = Number(sale.amount?.total);
  const ledgerKey = contractLedgerKey(contractNumber);
  await ledger.markPaid(ledgerKey, {
    paidAt: sale.create_time ?? event.create_time ?? ctx.receivedAt,
    ...(Number.isFinite(amount) ? { amount } : {}),
    source: 'paypal',
  });
  ctx.log.info({ contractNumber, saleId: sale.id, subscriptionId }, 'payment recorded');
  return { ledgerKey };
}
