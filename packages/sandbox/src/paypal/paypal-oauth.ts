import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../clock.js';
import type { PaypalState } from './paypal-state.js';

const SCOPE = [
  'https://uri.paypal.com/services/subscriptions',
  'https://uri.paypal.com/services/applications/webhooks',
  'https://uri.paypal.com/payments/payment',
].join(' ');

function readBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** `POST /v1/oauth2/token`: client credentials (any non-empty id and secret) for a Bearer token. */
export function issueToken(state: PaypalState, clock: Clock): RequestHandler {
  return (req: Request, res: Response) => {
    const client = readBasic(req.get('authorization'));
    if (!client) {
      res
        .status(401)
        .json({ error: 'invalid_client', error_description: 'Client Authentication failed' });
      return;
    }
    // PayPal reads the grant from a form body only; a JSON body leaves it NULL.
    const form = req.is('application/x-www-form-urlencoded')
      ? (req.body as { grant_type?: unknown })
      : undefined;
    if (form?.grant_type !== 'client_credentials') {
      res.status(400).json({
        error: 'unsupported_grant_type',
        error_description: 'Grant Type is NULL or not supported',
      });
      return;
    }
    const accessToken = `A21AA${randomBytes(32).toString('base64url')}`;
    const now = clock.now();
    state.tokens.set(accessToken, {
      clientId: client.clientId,
      expiresAt: now + state.tokenLifetimeSeconds * 1000,
    });
    res.json({
      scope: SCOPE,
      access_token: accessToken,
      token_type: 'Bearer',
      app_id: 'APP-80W284485P519543T',
      expires_in: state.tokenLifetimeSeconds,
      nonce: `${new Date(now).toISOString()}${randomBytes(16).toString('base64url')}`,
    });
  };
}

/** Rejects calls without a current Bearer token the way PayPal does. */
export function requireBearer(state: PaypalState, clock: Clock): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const known = token ? state.tokens.get(token) : undefined;
    if (!known) {
      res
        .status(401)
        .json({ error: 'invalid_token', error_description: 'Token signature verification failed' });
      return;
    }
    if (known.expiresAt <= clock.now()) {
      res
        .status(401)
        .json({ error: 'invalid_token', error_description: 'Access Token not found in cache' });
      return;
    }
    next();
  };
}
