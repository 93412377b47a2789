import type { RedisClient } from '@campus/queues';

/** Who a customer is, as far as mails and upstream addresses need to know. Personal data. */
export interface CustomerRecord {
  email?: string;
  salutation?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  address?: { street?: string; zip?: string; city?: string; country?: string };
  /** How the customer pays, as the sender names it (Fakturia: `PAYPAL`, `BANKTRANSFER`, …). */
  paymentMethod?: string;
  /** The ProSonata address created for this customer. */
  prosonataAddressId?: number;
  updatedAt: string;
}

/** A customer in one source system: Fakturia's customerNumber, plenigo's customerId, a website e-mail. */
export interface CustomerRef {
  source: 'fakturia' | 'plenigo' | 'campus';
  id: string;
}

/**
 * The customer directory: one Redis record per customer, written by the
 * order-to-customer domain from customer events and read by the mail and
 * PayPal domains to find an e-mail address and a name. Erasing a customer
 * deletes the record (personal data).
 */
export function createCustomerDirectory(redis: RedisClient, prefix: string) {
  const key = (ref: CustomerRef) => `${prefix}:customer:${ref.source}:${ref.id}`;
  return {
    async get(ref: CustomerRef): Promise<CustomerRecord | undefined> {
      const value = await redis.get(key(ref));
      return value === null ? undefined : (JSON.parse(value) as CustomerRecord);
    },
    /** Merges `update` into the record (fields left out stay as they were). */
    async upsert(
      ref: CustomerRef,
      update: Omit<CustomerRecord, 'updatedAt'>,
      now = new Date(),
    ): Promise<CustomerRecord> {
      const current = (await this.get(ref)) ?? { updatedAt: now.toISOString() };
      const defined = Object.fromEntries(
        Object.entries(update).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      );
      const next: CustomerRecord = { ...current, ...defined, updatedAt: now.toISOString() };
      await redis.set(key(ref), JSON.stringify(next));
      return next;
    },
    async erase(ref: CustomerRef): Promise<boolean> {
      return (await redis.del(key(ref))) === 1;
    },
  };
}
export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;

const LEDGER_TTL_SECONDS = 400 * 24 * 60 * 60;

export interface PaymentRecord {
  paidAt: string;
  amount?: number;
  source: 'fakturia' | 'paypal' | 'plenigo';
}

/**
 * Paid invoices, recorded by invoice-sync from payment events, so that the
 * dunning domain never sends a letter for an invoice that is already paid.
 */
export function createInvoiceLedger(redis: RedisClient, prefix: string) {
  const key = (invoiceNumber: string) => `${prefix}:invoice-paid:${invoiceNumber}`;
  return {
    async markPaid(invoiceNumber: string, payment: PaymentRecord): Promise<void> {
      await redis.set(key(invoiceNumber), JSON.stringify(payment), 'EX', LEDGER_TTL_SECONDS);
    },
    async paymentOf(invoiceNumber: string): Promise<PaymentRecord | undefined> {
      const value = await redis.get(key(invoiceNumber));
      return value === null ? undefined : (JSON.parse(value) as PaymentRecord);
    },
  };
}
export type InvoiceLedger = ReturnType<typeof createInvoiceLedger>;

export interface SubscriptionLink {
  contractNumber: string;
  customerNumber?: string;
}

/**
 * PayPal subscription id (billing_agreement_id) → Fakturia contract, written
 * when the subscription is created, so PayPal's payment events find their
 * contract and customer.
 */
export function createSubscriptionLinks(redis: RedisClient, prefix: string) {
  const key = (subscriptionId: string) => `${prefix}:paypal-subscription:${subscriptionId}`;
  return {
    async link(subscriptionId: string, link: SubscriptionLink): Promise<void> {
      await redis.set(key(subscriptionId), JSON.stringify(link));
    },
    async find(subscriptionId: string): Promise<SubscriptionLink | undefined> {
      const value = await redis.get(key(subscriptionId));
      return value === null ? undefined : (JSON.parse(value) as SubscriptionLink);
    },
  };
}
export type SubscriptionLinks = ReturnType<typeof createSubscriptionLinks>;
