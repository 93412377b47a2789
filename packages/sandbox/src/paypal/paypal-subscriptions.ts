import { randomInt } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { baseUrlOf } from '../http/upstream.js';
import { paypalError, type PaypalState, type Subscription } from './paypal-state.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function paypalId(prefix: string, length: number): string {
  let id = prefix;
  for (let i = 0; i < length; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

interface Deps {
  state: PaypalState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

/**
 * `POST /v1/billing/subscriptions`. A repeated `PayPal-Request-Id` gets the
 * first answer again and creates nothing.
 */
export function createSubscription({ state, clock, logger, publicUrl }: Deps): RequestHandler {
  return (req: Request, res: Response) => {
    const requestId = req.get('paypal-request-id');
    const replay = requestId ? state.responsesByRequestId.get(requestId) : undefined;
    if (replay) {
      logger.debug(
        { upstream: 'paypal', subscriptionId: (replay.body as Subscription).id },
        'idempotent replay',
      );
      res.status(replay.status).json(replay.body);
      return;
    }
    const body = req.body as Record<string, unknown> | undefined;
    const planId = body?.plan_id;
    if (typeof planId !== 'string' || planId === '') {
      res.status(400).json(
        paypalError(
          'INVALID_REQUEST',
          'Request is not well-formed, syntactically incorrect, or violates schema.',
          [
            {
              field: '/plan_id',
              location: 'body',
              issue: 'MISSING_REQUIRED_PARAMETER',
              description: 'A required field / parameter is missing.',
            },
          ],
        ),
      );
      return;
    }
    const now = new Date(clock.now()).toISOString();
    const id = paypalId('I-', 12);
    const base = baseUrlOf(req, publicUrl);
    const subscription: Subscription = {
      id,
      status: 'APPROVAL_PENDING',
      status_update_time: now,
      plan_id: planId,
      plan_overridden: false,
      start_time: typeof body?.start_time === 'string' ? body.start_time : now,
      quantity: typeof body?.quantity === 'string' ? body.quantity : '1',
      ...(body?.subscriber !== undefined ? { subscriber: body.subscriber } : {}),
      ...(typeof body?.custom_id === 'string' ? { custom_id: body.custom_id } : {}),
      create_time: now,
      links: [
        {
          href: `${base}/approve/${id}?ba_token=${paypalId('BA-', 17)}`,
          rel: 'approve',
          method: 'GET',
        },
        { href: `${base}/v1/billing/subscriptions/${id}`, rel: 'edit', method: 'PATCH' },
        { href: `${base}/v1/billing/subscriptions/${id}`, rel: 'self', method: 'GET' },
      ],
    };
    state.subscriptions.set(id, subscription);
    if (requestId) state.responsesByRequestId.set(requestId, { status: 201, body: subscription });
    logger.info({ upstream: 'paypal', subscriptionId: id }, 'subscription created');
    res.status(201).json(subscription);
  };
}

/** `GET /v1/billing/subscriptions/{id}`. */
export function showSubscription(state: PaypalState): RequestHandler {
  return (req: Request, res: Response) => {
    const subscription = state.subscriptions.get(String(req.params.id));
    if (!subscription) {
      res
        .status(404)
        .json(
          paypalError('RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
            { issue: 'INVALID_RESOURCE_ID', description: 'Requested resource ID was not found.' },
          ]),
        );
      return;
    }
    res.json(subscription);
  };
}

/** The approve link's target: a page that approves the subscription, as a buyer would on PayPal. */
export function approveSubscription(state: PaypalState, clock: Clock): RequestHandler {
  return (req: Request, res: Response) => {
    const subscription = state.subscriptions.get(String(req.params.id));
    if (!subscription) {
      res
        .status(404)
        .type('html')
        .send('<!doctype html><meta charset="utf-8"><p>Abo nicht gefunden.</p>');
      return;
    }
    if (subscription.status === 'APPROVAL_PENDING') {
      subscription.status = 'ACTIVE';
      subscription.status_update_time = new Date(clock.now()).toISOString();
    }
    res
      .type('html')
      .send(
        `<!doctype html><meta charset="utf-8"><title>PayPal Sandbox</title>` +
          `<p>Abo ${subscription.id} ist bestätigt (Status ${subscription.status}).</p>`,
      );
  };
}
