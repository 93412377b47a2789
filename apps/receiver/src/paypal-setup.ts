import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { exitOnConfigError, loadConfig, type Config } from '@campus/config';
import { createPaypalClient } from '@campus/clients';
import type { Logger } from '@campus/logger';
import type { RedisClient } from '@campus/queues';
import { createCertificateSource } from './paypal-certificates.js';
import { createPaypalAuthMetrics } from './paypal-metrics.js';
import { createTransmissionStore } from './paypal-transmissions.js';
import {
  createApiSignatureCheck,
  createCertSignatureCheck,
  createPaypalVerifier,
  type PaypalVerifier,
  type SignatureCheck,
} from './paypal-verifier.js';

let publicRoots: X509Certificate[] | undefined;

/** Node's bundled public roots (Mozilla's), parsed once; PayPal's certificates chain to one. */
export function publicRootCertificates(): X509Certificate[] {
  publicRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return publicRoots;
}

/** The roots a PayPal certificate may chain to: the public ones, and the test CA where one is set. */
export function paypalTrustedRoots(testCa: string | undefined): X509Certificate[] {
  return testCa === undefined
    ? publicRootCertificates()
    : [...publicRootCertificates(), new X509Certificate(testCa)];
}

/**
 * The PayPal verifier the configuration asks for, or undefined while PayPal
 * is not a source. `api` mode loads the PayPal API settings (production
 * requires them then) and stops with exit 78 when they are missing.
 */
export async function createConfiguredPaypalVerifier(deps: {
  config: Config<'receiver'>;
  redis: RedisClient;
  logger: Logger;
  now?: () => number;
}): Promise<PaypalVerifier | undefined> {
  const { receiver, core } = deps.config;
  const webhookId = receiver.paypalWebhookId;
  if (webhookId === undefined || !receiver.sources.includes('paypal')) return undefined;
  const now = deps.now ?? Date.now;
  let check: SignatureCheck;
  if (receiver.paypalVerifyMode === 'api') {
    const api = await exitOnConfigError('receiver', () => loadConfig(['paypal']).paypal);
    check = createApiSignatureCheck({ webhookId, client: createPaypalClient(api) });
  } else {
    const certificates = createCertificateSource({
      roots: paypalTrustedRoots(receiver.paypalCertTestCa),
      now,
    });
    check = createCertSignatureCheck({ webhookId, certificates, now });
  }
  return createPaypalVerifier({
    allowedCertUrls: receiver.paypalCertUrlAllow,
    windowSeconds: receiver.paypalWindowSeconds,
    transmissions: createTransmissionStore(
      deps.redis,
      core.queuePrefix,
      2 * receiver.paypalWindowSeconds,
    ),
    check,
    metrics: createPaypalAuthMetrics(),
    logger: deps.logger,
    now,
  });
}
