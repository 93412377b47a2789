export {
  generateMagicCode,
  allowCodeRequest,
  storeMagicCode,
  verifyMagicCode,
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_TTL_SECONDS,
  MAX_FAILED_TRIES,
  MAX_REQUESTS,
} from './magic-code.js';
export type { MagicCodeStore, VerifyOutcome } from './magic-code.js';
