import { returnedSaleId } from '@campus/customer-directory';
import type { PaypalEvent, PaypalSaleReturn } from '@campus/events';
import type { JobContext } from '@campus/queues';
import type { DunningMailDeps } from './deps.js';
import { ReturnNotRecordedError } from './errors.js';
import { sendMahnungUnlessPaid, type MahnungOutcome } from './send-mahnung.js';

export type ReleaseOutcome =
  | { released: false; saleId: string; reason: 'nothing_held' | 'still_covered' }
  | ({ released: true; saleId: string; invoiceNumber: string } & MahnungOutcome);

/**
 * PAYMENT.SALE.REFUNDED or REVERSED → the Mahnung this payment held back goes
 * out after all. invoice-sync records the return (the payments ledger has one
 * writer); until it has, this job waits (retries). Then, if what is left of
 * the payment no longer covers the held letter, the letter is released (once,
 * recorded under this event) and sent, unless the invoice was paid otherwise
 * meanwhile or another PayPal payment of the contract covers it now.
 */
export async function releaseHeldMahnung(
  deps: DunningMailDeps,
  event: PaypalEvent<PaypalSaleReturn>,
  ctx: JobContext,
): Promise<ReleaseOutcome> {
  const saleId = returnedSaleId(event.resource);
  const log = ctx.log.child({ saleId });
  const sale = await deps.paypalPayments.sale(saleId);
  if (!sale?.returns.some((r) => r.eventId === event.id)) {
    throw new ReturnNotRecordedError(event.event_type, saleId, event.id);
  }
  const held = await ctx.once('release', async () => {
    const candidate = await deps.paypalCover.heldBy(saleId);
    if (candidate === undefined) return null;
    if (sale.net + 0.005 >= candidate.mahnung.amount) return 'still_covered' as const;
    return (await deps.paypalCover.release(saleId, ctx.eventKey)) ?? null;
  });
  if (held === null) {
    log.info('the payment held back no Mahnung: nothing to send');
    return { released: false, saleId, reason: 'nothing_held' };
  }
  if (held === 'still_covered') {
    log.info('what is left of the payment still covers the held Mahnung: it stays held');
    return { released: false, saleId, reason: 'still_covered' };
  }
  const mahnungLog = log.child({
    invoiceNumber: held.invoiceNumber,
    customerNumber: held.mahnung.customerNumber,
    dunningLevel: held.mahnung.level,
  });
  mahnungLog.info('PayPal payment returned: sending the Mahnung it held back');
  const outcome = await sendMahnungUnlessPaid(deps, held.mahnung, ctx, mahnungLog);
  return { released: true, saleId, invoiceNumber: held.invoiceNumber, ...outcome };
}
