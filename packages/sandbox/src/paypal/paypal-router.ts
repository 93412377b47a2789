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
import { verifyWebhookSignature } from './paypal-verify.js';

interface Deps {
  state: PaypalState;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}

/** PayPal's REST API (OAuth2, subscriptions, webhook verification) and its certificate: mount at `/paypal`. */
export function createPaypalRouter({ state, clock, logger, publicUrl }: Deps): Router {
  const router = express.Router();
  router.use(state.requests.record());
  router.use(express.json({ limit: '1mb' }));
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
