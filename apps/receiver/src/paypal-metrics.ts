import { Counter, type Registry } from 'prom-client';

/** Why a PayPal delivery was refused (401) or could not be checked (503). */
export type PaypalRejection =
  | 'missing_headers'
  | 'bad_time'
  | 'outside_window'
  | 'cert_url'
  | 'auth_algo'
  | 'transmission_reused'
  | 'cert_subject'
  | 'cert_untrusted'
  | 'cert_expired'
  | 'cert_unparseable'
  | 'bad_signature'
  | 'not_json';

export interface PaypalAuthMetrics {
  rejected(reason: PaypalRejection): void;
  /** A certificate download or PayPal verify call that failed: the delivery got 503. */
  unavailable(reason: string): void;
  register(registry: Registry): void;
}

/** Counters for the PayPal checks; registered in the receiver's registry by app.ts. */
export function createPaypalAuthMetrics(): PaypalAuthMetrics {
  const rejections = new Counter({
    name: 'campus_paypal_auth_rejections_total',
    help: 'PayPal deliveries refused with 401, by the check that failed.',
    labelNames: ['reason'] as const,
    registers: [],
  });
  const failures = new Counter({
    name: 'campus_paypal_verification_unavailable_total',
    help: 'PayPal deliveries answered 503 because the certificate download or verify call failed, by reason.',
    labelNames: ['reason'] as const,
    registers: [],
  });
  return {
    rejected: (reason) => rejections.inc({ reason }),
    unavailable: (reason) => failures.inc({ reason }),
    register(registry) {
      registry.registerMetric(rejections);
      registry.registerMetric(failures);
    },
  };
}
