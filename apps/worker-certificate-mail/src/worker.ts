import { defineWorker } from '@campus/queues';
import { createZertifikatHandler, type ZertifikatMailDeps } from './send-zertifikat.js';

/** The certificate-mail queue's worker: one handler, for `campus.zertifikat.ausstellen`. */
export function createCertificateWorker(deps: ZertifikatMailDeps) {
  return defineWorker({
    queue: 'certificate-mail',
    events: {
      'campus.campus.zertifikat.ausstellen': createZertifikatHandler(deps),
    },
  });
}
