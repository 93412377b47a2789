import type { Request, RequestHandler, Response } from 'express';
import { verifyPaypalSignature } from '@campus/webhook-auth';
import type { Clock } from '../clock.js';
import { paypalError, type PaypalState } from './paypal-state.js';

const REQUIRED = [
  'auth_algo',
  'cert_url',
  'transmission_id',
  'transmission_sig',
  'transmission_time',
  'webhook_id',
] as const;

/**
 * `POST /v1/notifications/verify-webhook-signature`: checks the transmission
 * against the sandbox's own certificate. Like PayPal, it signs over the event
 * as re-serialised JSON, so the event's bytes must be what was sent.
 */
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
    const fromSandbox = certPathIsOurs(str('cert_url'));
    const valid =
      fromSandbox &&
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
        JSON.stringify(event),
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
