import { createCertificateRegistry, type CertificateRegistry } from '@campus/certificate-registry';
import { loadConfig } from '@campus/config';
import { workerTest } from '@campus/worker-testing';
import { createCertificateWorker } from '../src/worker.js';
import { createZertifikatMailOnce } from '../src/zertifikat-mail-once.js';

/** The day the world's certificates are issued: the worker's clock. */
export const ISSUED = new Date('2026-03-20T09:00:00Z');

/**
 * The certificate-mail world: `registry`, the certificate registry as the
 * receiver's page reads it, and the worker running in this process as main.ts
 * wires it (its clock at ISSUED).
 */
export const test = workerTest({ queue: 'certificate-mail' })
  .extend('registry', ({ world }): CertificateRegistry =>
    createCertificateRegistry(world.connection, world.prefix),
  )
  .extend(
    'publicBaseUrl',
    ({ world }): string => loadConfig(['certificates'], world.env).certificates.publicBaseUrl,
  )
  .extend('worker', { auto: true }, async ({ world, registry, publicBaseUrl }) => {
    const definition = createCertificateWorker({
      mailer: world.createMailer(),
      from: world.config.mail.from,
      registry,
      publicBaseUrl,
      mailOnce: createZertifikatMailOnce(world.connection, world.prefix, {
        ttlSeconds: 3_600,
        leaseMs: world.config.worker.lockMs,
      }),
      now: () => ISSUED,
    });
    return world.startWorker(definition, { settings: { concurrency: 2 } });
  });

/** A certificate request as the website posts it. */
export function zertifikatRequest(
  teilnehmer: { vorname: string; nachname: string; email: string },
  produktName = 'Zertifikatskurs Projektmanagement',
  abschlussDatum = '2024-06-28',
): string {
  return JSON.stringify({
    event: 'campus.zertifikat.ausstellen',
    data: { teilnehmer, produkt_name: produktName, abschluss_datum: abschlussDatum },
  });
}
