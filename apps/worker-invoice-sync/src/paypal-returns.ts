import { returnedSaleId } from '@campus/customer-directory';
import type { PaypalEvent, PaypalSaleReturn } from '@campus/events';
import type { JobContext } from '@campus/queues';
import type { InvoiceSyncDeps } from './deps.js';

/**
 * PAYMENT.SALE.REFUNDED or REVERSED → the return recorded against its sale in
 * the PayPal payments ledger, so the payment no longer counts (in part, for a
 * partial refund) and dunning-mail may send the Mahnung it held back. PayPal
 * gives the amount negative; it is recorded as what went back.
 */
export async function recordPaypalReturn(
  deps: Pick<InvoiceSyncDeps, 'paypalPayments'>,
  event: PaypalEvent<PaypalSaleReturn>,
  kind: 'refund' | 'reversal',
  ctx: JobContext,
): Promise<{ saleId: string; returned: number | null; net: number }> {
  const resource = event.resource;
  const saleId = returnedSaleId(resource);
  const amount = Math.abs(Number(resource.amount.total));
  await deps.paypalPayments.recordReturn(saleId, {
    eventId: event.id,
    kind,
    ...(Number.isFinite(amount) && amount > 0 ? { amount } : {}),
    at: resource.create_time ?? event.create_time ?? ctx.receivedAt,
  });
  const sale = await deps.paypalPayments.sale(saleId);
  ctx.log.info(
    { saleId, kind, contractNumber: sale?.contractNumber, net: sale?.net },
    sale?.contractNumber === undefined
      ? `PayPal ${kind} recorded for a sale not seen yet: it will count for nothing when it arrives`
      : `PayPal ${kind} recorded: the payment counts for what is left`,
  );
  return { saleId, returned: Number.isFinite(amount) ? amount : null, net: sale?.net ?? 0 };
}
