import { defineWorker } from '@campus/queues';
import type { CertificateMailDeps } from './deps.js';
import { handleCampusZertifikatAusstellen } from './handlers/campus-zertifikat-ausstellen.js';

/** The certificate-mail queue's worker: one handler, for `campus.zertifikat.ausstellen`. */
export function createCertificateWorker(deps: CertificateMailDeps) {
  return defineWorker({
    queue: 'certificate-mail',
    events: {
      'campus.campus.zertifikat.ausstellen': handleCampusZertifikatAusstellen(deps),
    },
  });
}
