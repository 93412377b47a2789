import type { EventHandler } from '@campus/queues';
import type { OrderToCustomerDeps } from '../deps.js';
import { fromAngebotForm } from '../from-campus.js';

/** A B2B offer request from the website → the company's address as a prospect. */
export function handleCampusFormB2bAngebotSubmit(
  deps: OrderToCustomerDeps,
): EventHandler<'campus.form.b2b.angebot.submit'> {
  return (event, ctx) => deps.addresses.upsert(fromAngebotForm(event.data), ctx.log);
}
