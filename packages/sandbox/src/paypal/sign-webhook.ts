import { randomUUID } from 'node:crypto';
import { paypalSignedString, signPaypal } from '@campus/webhook-auth';

export interface SignPaypalWebhookInput {
  privateKeyPem: string;
  /** Where the receiver downloads the certificate, e.g. `http://127.0.0.1:4010/paypal/certs/sandbox.pem`. */
  certUrl: string;
  webhookId: string;
  /** The exact body that will be sent. */
  body: string;
  transmissionId?: string;
  /** ISO time; defaults to now. */
  transmissionTime?: string;
}

/** The headers PayPal sends with a webhook, names as PayPal spells them. */
export interface PaypalWebhookHeaders {
  'PAYPAL-TRANSMISSION-ID': string;
  'PAYPAL-TRANSMISSION-TIME': string;
  'PAYPAL-TRANSMISSION-SIG': string;
  'PAYPAL-CERT-URL': string;
  'PAYPAL-AUTH-ALGO': 'SHA256withRSA';
}

/** Signs a webhook body exactly like PayPal: SHA256withRSA over `id|time|webhookId|crc32(body)`. */
export function signPaypalWebhook(input: SignPaypalWebhookInput): PaypalWebhookHeaders {
  const transmissionId = input.transmissionId ?? randomUUID();
  const transmissionTime = input.transmissionTime ?? new Date().toISOString();
  const signed = paypalSignedString(transmissionId, transmissionTime, input.webhookId, input.body);
  return {
    'PAYPAL-TRANSMISSION-ID': transmissionId,
    'PAYPAL-TRANSMISSION-TIME': transmissionTime,
    'PAYPAL-TRANSMISSION-SIG': signPaypal(input.privateKeyPem, signed),
    'PAYPAL-CERT-URL': input.certUrl,
    'PAYPAL-AUTH-ALGO': 'SHA256withRSA',
  };
}
