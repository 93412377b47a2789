import { defineWorker } from '@campus/queues';
import type { OrderToCustomerDeps } from './deps.js';
import { handleCampusFormB2bAngebotSubmit } from './handlers/campus-form-b2b-angebot-submit.js';
import { handleCampusFormEbookKaufSubmit } from './handlers/campus-form-ebook-kauf-submit.js';
import { handleFakturiaCustomerChanged } from './handlers/fakturia-customer-changed.js';
import { handleFakturiaCustomerCreated } from './handlers/fakturia-customer-created.js';
import { handleFakturiaCustomerDeleted } from './handlers/fakturia-customer-deleted.js';
import { handleFakturiaOrderProcessed } from './handlers/fakturia-order-processed.js';
import { handlePlenigoCustomerChange } from './handlers/plenigo-customer-change.js';
import { handlePlenigoCustomerCreation } from './handlers/plenigo-customer-creation.js';
import { handlePlenigoCustomerDeletion } from './handlers/plenigo-customer-deletion.js';
import { handlePlenigoOrderCreation } from './handlers/plenigo-order-creation.js';

/**
 * The order-to-customer domain: every customer, order and form event becomes
 * an upsert of the customer's ProSonata address and directory record; a
 * deletion deactivates the address and erases the record. No limiter: the
 * ProSonata client pauses the whole queue when the API quota runs out.
 */
export function createOrderToCustomerWorker(deps: OrderToCustomerDeps) {
  return defineWorker({
    queue: 'order-to-customer',
    events: {
      'fakturia.CUSTOMER_CREATED': handleFakturiaCustomerCreated(deps),
      'fakturia.CUSTOMER_CHANGED': handleFakturiaCustomerChanged(deps),
      'fakturia.ORDER_PROCESSED': handleFakturiaOrderProcessed(deps),
      'fakturia.CUSTOMER_DELETED': handleFakturiaCustomerDeleted(deps),
      'plenigo.CUSTOMER/CREATION': handlePlenigoCustomerCreation(deps),
      'plenigo.CUSTOMER/CHANGE': handlePlenigoCustomerChange(deps),
      'plenigo.ORDER/CREATION': handlePlenigoOrderCreation(deps),
      'plenigo.CUSTOMER/DELETION': handlePlenigoCustomerDeletion(deps),
      'campus.form.b2b.angebot.submit': handleCampusFormB2bAngebotSubmit(deps),
      'campus.form.ebook.kauf.submit': handleCampusFormEbookKaufSubmit(deps),
    },
  });
}
