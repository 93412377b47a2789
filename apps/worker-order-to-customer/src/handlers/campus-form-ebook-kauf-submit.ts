import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromEbookKauf } from '../from-campus.js';

/** A website e-book purchase → the buyer's address. */
export function handleCampusFormEbookKaufSubmit(
  deps: OrderToCustomerDeps,
): EventHandler<'campus.form.ebook.kauf.submit'> {
  return (event, ctx) => deps.addresses.upsert(fromEbookKauf(event.data), ctx.log);
}
