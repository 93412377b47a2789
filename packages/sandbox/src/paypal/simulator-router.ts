import express, { type Request, type Response, type Router } from 'express';
import { SANDBOX_SECRETS } from '@campus/config';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { rememberEvent } from './paypal-events.js';
import type { PaypalState } from './paypal-state.js';
import { signPaypalWebhook } from './sign-webhook.js';

interface Deps {
  state: PaypalState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
  /** How long to wait for the target (default 10 s). */
  timeoutMs?: number;
}

interface SimulateBody {
  target?: unknown;
  webhookId?: unknown;
  event?: unknown;
  /** Sent as is instead of `event`, for bodies JSON.stringify would not produce. */
  rawBody?: unknown;
}

/**
 * `POST /paypal/simulate {target, webhookId?, event}`: signs the event like
 * PayPal, posts it to `target` and answers `{status, contentType, body, transmissionId}`
 * with the target's answer.
 */
export function createSimulatorRouter({
  state,
  clock,
  logger,
  publicUrl,
  timeoutMs = 10_000,
}: Deps): Router {
  const router = express.Router();
  router.post('/', express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const input = (req.body ?? {}) as SimulateBody;
    const target = typeof input.target === 'string' ? parseHttpUrl(input.target) : undefined;
    if (!target) {
      res.status(400).json({ message: 'target must be an http(s) URL' });
      return;
    }
    let body: string;
    if (typeof input.rawBody === 'string') body = input.rawBody;
    else if (typeof input.event === 'object' && input.event !== null)
      body = JSON.stringify(input.event);
    else {
      res
        .status(400)
        .json({ message: 'event must be a PayPal event object (or rawBody a string)' });
      return;
    }
    const webhookId =
      typeof input.webhookId === 'string' ? input.webhookId : SANDBOX_SECRETS.PAYPAL_WEBHOOK_ID;
    const origin = publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const headers = signPaypalWebhook({
      privateKeyPem: state.certificate.privateKeyPem,
      certUrl: `${origin.replace(/\/$/, '')}/paypal/certs/sandbox.pem`,
      webhookId,
      body,
      transmissionTime: new Date(clock.now()).toISOString(),
    });
    // PayPal keeps what it sent: the confirmation lookups serve it back.
    try {
      rememberEvent(state, JSON.parse(body) as unknown);
    } catch {
      // A body that is not JSON is sent all the same; PayPal just would not know it.
    }
    try {
      const answer = await fetch(target, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const contentType = answer.headers.get('content-type') ?? '';
      const text = await answer.text();
      logger.info(
        {
          upstream: 'paypal',
          transmissionId: headers['PAYPAL-TRANSMISSION-ID'],
          status: answer.status,
        },
        'webhook simulated',
      );
      res.json({
        status: answer.status,
        contentType,
        body: contentType.includes('json') ? parseJson(text) : text,
        transmissionId: headers['PAYPAL-TRANSMISSION-ID'],
      });
    } catch (error) {
      logger.warn({ upstream: 'paypal', err: error }, 'webhook target unreachable');
      res.status(502).json({
        message: `Could not deliver to ${target.origin}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });
  return router;
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
