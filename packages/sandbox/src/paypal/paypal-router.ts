import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '@campus/logger';
import type { Clock } from '../clock.js';
import { upstreamErrorHandler } from '../http/upstream.js';
import { issueToken, requireBearer } from './paypal-oauth.js';
import { paypalError, type PaypalState } from './paypal-state.js';
import {
  approveSubscription,
  createSubscription,
  showSubscription,
} from './paypal-subscriptions.js';
import { showEvent, showSale } from './paypal-events.js';
import { verifyWebhookSignature } from './paypal-verify.js';

interface Deps {
  state: PaypalState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

/**
 * PayPal's REST API (OAuth2, subscriptions, webhook verification, event and
 * sale lookup) and its certificate: mount at `/paypal`. Each route's file names
 * the part of paypal/paypal-rest-api-specifications it follows.
 */
export function createPaypalRouter({ state, clock, logger, publicUrl }: Deps): Router {
  const router = express.Router();
  router.use(state.requests.record());
  router.use(
    express.json({
      limit: '1mb',
      // The verify call is judged on the bytes it carries (paypal-verify.ts).
      verify: (_req, res, buf) => {
        (res as unknown as Response).locals.rawBody = buf.toString('utf8');
      },
    }),
  );
  router.use(express.urlencoded({ extended: false, limit: '16kb' }));
  router.use(state.requests.captureBody());

  router.get('/certs/sandbox.pem', (_req: Request, res: Response) => {
    res.type('application/x-pem-file').send(state.certificate.certificatePem);
  });
  router.get('/approve/:id', approveSubscription(state, clock));

  // The failure knob acts on the REST API only, not on the certificate download.
  router.use('/v1', state.faults.middleware());
  router.post('/v1/oauth2/token', issueToken(state, clock));
  router.use('/v1', requireBearer(state, clock));
  router.post('/v1/billing/subscriptions', createSubscription({ state, clock, logger, publicUrl }));
  router.get('/v1/billing/subscriptions/:id', showSubscription(state));
  router.post('/v1/notifications/verify-webhook-signature', verifyWebhookSignature(state, clock));
  router.get('/v1/notifications/webhooks-events/:id', showEvent(state));
  router.get('/v1/payments/sale/:id', showSale(state));

  router.use((_req: Request, res: Response) => {
    res
      .status(404)
      .json(paypalError('RESOURCE_NOT_FOUND', 'The specified resource does not exist.'));
  });
  router.use(
    upstreamErrorHandler((status, message) =>
      paypalError(status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'INVALID_REQUEST', message),
    ),
  );
  return router;
}
