export { createCertificateRegistry, NummerExhaustedError } from './registry.js';
export type {
  CertificateRegistry,
  IssueRequest,
  RegistryOptions,
  ZertifikatEntry,
} from './registry.js';
export { certificateIdentity, participantKey } from './identity.js';
export type { CertificateIdentity } from './identity.js';
export { normaliseNummer, randomNummer } from './nummer.js';
