/**
 * `POST /v1/notifications/verify-webhook-signature`, after PayPal's
 * notifications_webhooks_v1.json (paypal/paypal-rest-api-specifications,
 * openapi/notifications_webhooks_v1.json, schema `verify_webhook_signature`):
 * the seven required fields, 400 VALIDATION_ERROR naming each missing one.
 * Like PayPal it checks the signature over the CRC32 of the `webhook_event`
 * bytes it was sent, so an event that was parsed and re-serialised (other
 * whitespace, key order or number format) answers FAILURE: PayPal's SDKs
 * send the received body as is (PayPal-PHP-SDK VerifyWebhookSignature::toJSON).
 */
import type { Request, RequestHandler, Response } from 'express';
import { verifyPaypalSignature } from '@campus/webhook-auth';
import type { Clock } from '../clock.js';
import { paypalError, type PaypalState } from './paypal-state.js';
import { rawMember } from './raw-member.js';

const REQUIRED = [
  'auth_algo',
  'cert_url',
  'transmission_id',
  'transmission_sig',
  'transmission_time',
  'webhook_id',
] as const;

/** Where the router keeps the request's bytes (express.json's `verify` hook). */
export function rawBodyOf(res: Response): string | undefined {
  return res.locals.rawBody as string | undefined;
}

export function verifyWebhookSignature(state: PaypalState, clock: Clock): RequestHandler {
  return (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const missing = REQUIRED.filter(
      (field) => typeof body[field] !== 'string' || body[field] === '',
    );
    const event = body.webhook_event;
    if (missing.length > 0 || typeof event !== 'object' || event === null) {
      const fields = [
        ...missing,
        ...(typeof event === 'object' && event !== null ? [] : ['webhook_event']),
      ];
      res.status(400).json(
        paypalError(
          'VALIDATION_ERROR',
          'Invalid request - see details',
          fields.map((field) => ({ field, issue: 'MISSING_REQUIRED_PARAMETER' })),
        ),
      );
      return;
    }
    const str = (field: (typeof REQUIRED)[number]) => body[field] as string;
    const eventBytes = rawMember(rawBodyOf(res) ?? '', 'webhook_event');
    const valid =
      eventBytes !== undefined &&
      certPathIsOurs(str('cert_url')) &&
      verifyPaypalSignature(
        state.certificate.certificatePem,
        {
          authAlgo: str('auth_algo'),
          certUrl: str('cert_url'),
          transmissionId: str('transmission_id'),
          transmissionSig: str('transmission_sig'),
          transmissionTime: str('transmission_time'),
        },
        str('webhook_id'),
        eventBytes,
        new Date(clock.now()),
      );
    res.json({ verification_status: valid ? 'SUCCESS' : 'FAILURE' });
  };
}

function certPathIsOurs(certUrl: string): boolean {
  try {
    return new URL(certUrl).pathname.endsWith('/certs/sandbox.pem');
  } catch {
    return false;
  }
}
