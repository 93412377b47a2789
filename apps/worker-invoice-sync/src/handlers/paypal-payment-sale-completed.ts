import type { EventHandler } from '@campus/queues';
import type { InvoiceSyncDeps } from '../deps.js';
import { PaymentWithoutContractError } from '../errors.js';

/**
 * PayPal PAYMENT.SALE.COMPLETED → the sale recorded for the contract behind
 * its PayPal subscription (the PayPal payments ledger), so dunning-mail holds
 * back a Mahnung of that contract's invoice while the payment counts. The
 * contract comes from the subscription link (written when the subscription
 * was created) or else from `custom`, where we put the contract number on
 * creation. Recording it twice changes nothing.
 */
export function handlePaypalPaymentSaleCompleted(
  deps: InvoiceSyncDeps,
): EventHandler<'paypal.PAYMENT.SALE.COMPLETED'> {
  return async (event, ctx): Promise<{ saleId: string; contractNumber: string }> => {
    const sale = event.resource;
    const subscriptionId = sale.billing_agreement_id;
    const link = subscriptionId ? await deps.links.find(subscriptionId) : undefined;
    const contractNumber = link?.contractNumber ?? (sale.custom?.trim() || undefined);
    if (!contractNumber) throw new PaymentWithoutContractError(sale.id, subscriptionId);
    const amount = Number(sale.amount?.total);
    await deps.paypalPayments.recordSale({
      saleId: sale.id,
      contractNumber,
      amount: Number.isFinite(amount) ? amount : 0,
      ...(sale.amount?.currency ? { currency: sale.amount.currency } : {}),
      paidAt: sale.create_time ?? event.create_time ?? ctx.receivedAt,
    });
    ctx.log.info({ contractNumber, saleId: sale.id, subscriptionId }, 'payment recorded');
    return { saleId: sale.id, contractNumber };
  };
}
