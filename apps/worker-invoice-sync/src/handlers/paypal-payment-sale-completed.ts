import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { PaymentWithoutContractError } from '../errors.js';

/** Ledger key of a PayPal payment: PayPal names no invoice, only the subscription's contract. */
export const contractLedgerKey = (contractNumber: string) => `contract:${contractNumber}`;

/**
 * PayPal PAYMENT.SALE.COMPLETED → the contract behind the PayPal subscription
 * is paid, recorded under `contract:<contractNumber>`. The contract comes from
 * the subscription link (written when the subscription was created) or else
 * from `custom`, where we put the contract number on creation.
 */
export function handlePaypalPaymentSaleCompleted(
  deps: InvoiceSyncDeps,
): EventHandler<'paypal.PAYMENT.SALE.COMPLETED'> {
  return async (event, ctx): Promise<{ ledgerKey: string }> => {
    const sale = event.resource;
    const subscriptionId = sale.billing_agreement_id;
    const link = subscriptionId ? await deps.links.find(subscriptionId) : undefined;
    const contractNumber = link?.contractNumber ?? (sale.custom?.trim() || undefined);
    if (!contractNumber) throw new PaymentWithoutContractError(sale.id, subscriptionId);
    const amount = Number(sale.amount?.total);
    const ledgerKey = contractLedgerKey(contractNumber);
    await deps.ledger.markPaid(ledgerKey, {
      paidAt: sale.create_time ?? event.create_time ?? ctx.receivedAt,
      ...(Number.isFinite(amount) ? { amount } : {}),
      source: 'paypal',
    });
    ctx.log.info({ contractNumber, saleId: sale.id, subscriptionId }, 'payment recorded');
    return { ledgerKey };
  };
}
