import type { CustomerRef } from '@campus/customer-directory';
import type { PlenigoAddress, PlenigoCallback, PlenigoCustomer } from '@campus/events';
import { postalAddress, text, type CustomerUpdate, type PostalAddress } from './customer-update.js';
import { UnusableEventError } from './unusable-event-error.js';

type Entity = Record<string, unknown>;

const isObject = (value: unknown): value is Entity =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * plenigo's address objects (as on its invoices): street and number apart.
 * The callback examples show no address on a customer; where a customer or an
 * order carries an `invoiceAddress` of that shape, it is used.
 */
function addressOf(value: unknown): PostalAddress | undefined {
  if (!isObject(value)) return undefined;
  const address = value as PlenigoAddress;
  const street = [text(address.street), text(address.streetNumber)].filter(Boolean).join(' ');
  return postalAddress({
    street: street || undefined,
    zip: text(address.postcode),
    city: text(address.city),
    country: text(address.country),
  });
}

function namesOf(value: unknown) {
  if (!isObject(value)) return {};
  const address = value as PlenigoAddress;
  return {
    firstName: text(address.firstName),
    lastName: text(address.lastName),
    companyName: address.businessAddress === false ? undefined : text(address.companyName),
  };
}

/** CUSTOMER/CREATION and CUSTOMER/CHANGE: the entity is plenigo's customer. */
export function fromPlenigoCustomer(callback: PlenigoCallback<PlenigoCustomer>): CustomerUpdate {
  const entity = callback.entity as PlenigoCustomer & Entity;
  const id = text(entity.customerId) ?? text(callback.entityId);
  if (!id) {
    throw new UnusableEventError(
      `plenigo ${callback.entityType}/${callback.callbackType} names no customer (entityId and entity.customerId are empty)`,
    );
  }
  const fromAddress = namesOf(entity.invoiceAddress);
  return {
    ref: { source: 'plenigo', id },
    role: 'customer',
    email: text(entity.email),
    salutation: text(entity.salutation),
    firstName: text(entity.firstName) ?? fromAddress.firstName,
    lastName: text(entity.lastName) ?? fromAddress.lastName,
    companyName: fromAddress.companyName,
    address: addressOf(entity.invoiceAddress),
    invoiceEmail: text(entity.invoiceEmail),
  };
}

/**
 * ORDER/CREATION: the entity is plenigo's order. It names the ordering
 * customer (`invoiceCustomerId`, else `customerId`) and may carry an
 * `invoiceAddress`; whatever it carries updates that customer, the rest stays
 * as the customer events left it.
 */
export function fromPlenigoOrder(callback: PlenigoCallback<Entity>): CustomerUpdate {
  const order = callback.entity;
  const id = text(order.invoiceCustomerId) ?? text(order.customerId);
  if (!id) {
    throw new UnusableEventError(
      `plenigo ORDER/CREATION ${String(callback.entityId)} names no customer (invoiceCustomerId or customerId): no address to update`,
    );
  }
  const names = namesOf(order.invoiceAddress);
  return {
    ref: { source: 'plenigo', id },
    role: 'customer',
    email: text(order.customerEmail) ?? text(order.email),
    ...names,
    address: addressOf(order.invoiceAddress),
  };
}

/** CUSTOMER/DELETION: the entity is null; entityId is the customer id. */
export function plenigoCustomerRef(callback: PlenigoCallback<unknown>): CustomerRef {
  const id = text(callback.entityId);
  if (!id) throw new UnusableEventError('plenigo CUSTOMER/DELETION without an entityId');
  return { source: 'plenigo', id };
}
