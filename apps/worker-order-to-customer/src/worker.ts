import { defineWorker } from '@campus/queues';
import { createAddressSync, type AddressSyncDeps } from './address-sync.js';
import { fromAngebotForm, fromEbookKauf } from './from-campus.js';
import { fakturiaCustomerRef, fromFakturiaCustomer } from './from-fakturia.js';
import { fromPlenigoCustomer, fromPlenigoOrder, plenigoCustomerRef } from './from-plenigo.js';

export type OrderToCustomerDeps = AddressSyncDeps;

/**
 * The order-to-customer domain: every customer, order and form event becomes
 * an upsert of the customer's ProSonata address and directory record; a
 * deletion deactivates the address and erases the record. No limiter: the
 * ProSonata client pauses the whole queue when the API quota runs out.
 */
export function createOrderToCustomerWorker(deps: OrderToCustomerDeps) {
  const sync = createAddressSync(deps);
  return defineWorker({
    queue: 'order-to-customer',
    events: {
      'fakturia.CUSTOMER_CREATED': (event, ctx) =>
        sync.upsert(fromFakturiaCustomer(event.eventType, event.payload.customer), ctx.log),
      'fakturia.CUSTOMER_CHANGED': (event, ctx) =>
        sync.upsert(fromFakturiaCustomer(event.eventType, event.payload.customer), ctx.log),
      'fakturia.ORDER_PROCESSED': (event, ctx) =>
        sync.upsert(
          fromFakturiaCustomer(
            event.eventType,
            event.payload.customer,
            event.payload.orderCustomer,
          ),
          ctx.log,
        ),
      'fakturia.CUSTOMER_DELETED': (event, ctx) =>
        sync.deactivate(fakturiaCustomerRef(event.payload.customer), ctx.log),
      'plenigo.CUSTOMER/CREATION': (event, ctx) => sync.upsert(fromPlenigoCustomer(event), ctx.log),
      'plenigo.CUSTOMER/CHANGE': (event, ctx) => sync.upsert(fromPlenigoCustomer(event), ctx.log),
      'plenigo.ORDER/CREATION': (event, ctx) => sync.upsert(fromPlenigoOrder(event), ctx.log),
      'plenigo.CUSTOMER/DELETION': (event, ctx) =>
        sync.deactivate(plenigoCustomerRef(event), ctx.log),
      'campus.form.b2b.angebot.submit': (event, ctx) =>
        sync.upsert(fromAngebotForm(event.data), ctx.log),
      'campus.form.ebook.kauf.submit': (event, ctx) =>
        sync.upsert(fromEbookKauf(event.data), ctx.log),
    },
  });
}
