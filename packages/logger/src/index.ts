export { createLogger, createAccessLogger, REDACTED_PATHS } from './logger.js';
export type { Logger } from './logger.js';
