import { readFixture } from '@campus/testing';

type Json = Record<string, unknown>;

/** A fixture's body as an object, to derive variants from. */
export const fixture = (path: string): Json => JSON.parse(readFixture(path)) as Json;

/** Fakturia's CUSTOMER_CREATED example as another event type and/or another customer. */
export function fakturiaCustomerEvent(
  eventType: 'CUSTOMER_CREATED' | 'CUSTOMER_CHANGED' | 'CUSTOMER_DELETED',
  changes: Json = {},
  billingAddress: Json = {},
): string {
  const body = fixture('fakturia/CUSTOMER_CREATED.json');
  const customer = (body.payload as { customer: Json }).customer;
  return JSON.stringify({
    ...body,
    eventType,
    payload: {
      customer: {
        ...customer,
        ...changes,
        billingAddress: { ...(customer.billingAddress as Json), ...billingAddress },
      },
    },
  });
}

export const plenigoInvoiceAddress = {
  businessAddress: false,
  firstName: 'Test',
  lastName: 'Kundin',
  street: 'Lindenstraße',
  streetNumber: '3',
  postcode: '10115',
  city: 'Berlin',
  country: 'DE',
};

/** plenigo's customer callback example, optionally with an address and another id. */
export function plenigoCustomerEvent(
  callbackType: 'CREATION' | 'CHANGE',
  entity: Json = {},
  entityId = '29',
): string {
  const body = fixture('plenigo/customer-creation.json');
  return JSON.stringify({
    ...body,
    callbackType,
    entityId,
    entity: { ...(body.entity as Json), customerId: entityId, ...entity },
  });
}

/** An ORDER/CREATION callback (the seed shows none): plenigo's order with its invoice customer. */
export function plenigoOrderEvent(customerId: string, invoiceAddress?: Json): string {
  return JSON.stringify({
    entityType: 'ORDER',
    callbackType: 'CREATION',
    entityId: '7001',
    entity: {
      orderId: 7001,
      orderDate: '2024-08-28T10:00:00Z',
      customerId,
      invoiceCustomerId: customerId,
      ...(invoiceAddress ? { invoiceAddress } : {}),
      items: [{ title: 'Kurs Projektmanagement', quantity: 1 }],
    },
  });
}
