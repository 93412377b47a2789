import type { InboundEvent } from './inbound-event.js';
import type { Source } from '@campus/sources';

/** One queue per business domain, plus the quarantine for what could not be processed. */
export const DOMAIN_QUEUES = [
  'dunning-mail',
  'invoice-sync',
  'order-to-customer',
  'certificate-mail',
  'offer-mail',
  'login-mail',
  'paypal-subscription',
] as const;
export type DomainQueue = (typeof DOMAIN_QUEUES)[number];
export const QUARANTINE_QUEUE = 'quarantine';

interface Route {
  source: Source;
  eventType: string;
  queues: readonly DomainQueue[];
}

/** The routing table of DESIGN.md, as data. Everything not listed is accepted and routed nowhere. */
export const ROUTES = [
  { source: 'fakturia', eventType: 'CUSTOMER_CREATED', queues: ['order-to-customer'] },
  { source: 'fakturia', eventType: 'CUSTOMER_CHANGED', queues: ['order-to-customer'] },
  { source: 'fakturia', eventType: 'CUSTOMER_DELETED', queues: ['order-to-customer'] },
  { source: 'fakturia', eventType: 'ORDER_PROCESSED', queues: ['order-to-customer'] },
  { source: 'fakturia', eventType: 'INVOICE_CREATED', queues: ['invoice-sync'] },
  { source: 'fakturia', eventType: 'INVOICECORRECTION_CREATED', queues: ['invoice-sync'] },
  { source: 'fakturia', eventType: 'INVOICE_PAYMENT_RECEIVED', queues: ['invoice-sync'] },
  { source: 'fakturia', eventType: 'DUNNING_CREATED', queues: ['dunning-mail'] },
  // Every activation: the payment method may sit on the customer, so the worker decides.
  { source: 'fakturia', eventType: 'CONTRACT_ACTIVATED', queues: ['paypal-subscription'] },
  { source: 'plenigo', eventType: 'CUSTOMER/CREATION', queues: ['order-to-customer'] },
  { source: 'plenigo', eventType: 'CUSTOMER/CHANGE', queues: ['order-to-customer'] },
  { source: 'plenigo', eventType: 'CUSTOMER/DELETION', queues: ['order-to-customer'] },
  { source: 'plenigo', eventType: 'ORDER/CREATION', queues: ['order-to-customer'] },
  { source: 'plenigo', eventType: 'INVOICE/CREATION', queues: ['invoice-sync'] },
  { source: 'plenigo', eventType: 'INVOICE_CORRECTION/CREATION', queues: ['invoice-sync'] },
  { source: 'plenigo', eventType: 'INVOICE_CANCELLATION/CREATION', queues: ['invoice-sync'] },
  { source: 'plenigo', eventType: 'FAILED_PAYMENT/PAYMENT_FAILED', queues: ['dunning-mail'] },
  { source: 'paypal', eventType: 'PAYMENT.SALE.COMPLETED', queues: ['invoice-sync'] },
  { source: 'paypal', eventType: 'PAYMENT.SALE.DENIED', queues: ['dunning-mail'] },
  // invoice-sync records that the payment no longer counts; dunning-mail then sends a Mahnung it held back for it.
  {
    source: 'paypal',
    eventType: 'PAYMENT.SALE.REFUNDED',
    queues: ['invoice-sync', 'dunning-mail'],
  },
  {
    source: 'paypal',
    eventType: 'PAYMENT.SALE.REVERSED',
    queues: ['invoice-sync', 'dunning-mail'],
  },
  {
    source: 'paypal',
    eventType: 'BILLING.SUBSCRIPTION.PAYMENT.FAILED',
    queues: ['dunning-mail'],
  },
  {
    source: 'campus',
    eventType: 'form.b2b.angebot.submit',
    queues: ['offer-mail', 'order-to-customer'],
  },
  { source: 'campus', eventType: 'campus.angebot.angenommen', queues: ['offer-mail'] },
  {
    source: 'campus',
    eventType: 'form.ebook.kauf.submit',
    queues: ['order-to-customer', 'invoice-sync'],
  },
  { source: 'campus', eventType: 'form.login.magic_code.request', queues: ['login-mail'] },
  { source: 'campus', eventType: 'campus.zertifikat.ausstellen', queues: ['certificate-mail'] },
] as const satisfies readonly Route[];

type RouteEntry = (typeof ROUTES)[number];

/** Job name of an event: `<source>.<eventType>`, e.g. `fakturia.DUNNING_CREATED`. */
export function jobNameOf(source: Source, eventType: string): string {
  return `${source}.${eventType}`;
}

/** The job names a queue receives, derived from ROUTES: the keys of its worker's handler map. */
export type JobNameOf<Q extends DomainQueue> = RouteEntry extends infer R
  ? R extends RouteEntry
    ? Q extends R['queues'][number]
      ? `${R['source']}.${R['eventType']}`
      : never
    : never
  : never;

/** The queues an event goes to; empty for events routed nowhere. */
export function routeEvent(event: Pick<InboundEvent, 'source' | 'eventType'>): DomainQueue[] {
  const queues = new Set<DomainQueue>();
  for (const route of ROUTES as readonly Route[]) {
    if (route.source !== event.source || route.eventType !== event.eventType) continue;
    for (const q of route.queues) queues.add(q);
  }
  return [...queues];
}
