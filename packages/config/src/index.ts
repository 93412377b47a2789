export { loadConfig, ConfigError, parseDurationMs, exitOnConfigError } from './load.js';
export type {
  Config,
  CampusMode,
  CoreConfig,
  ReceiverConfig,
  PaypalConfig,
  MagicCodeConfig,
  QueuesConfig,
  MailConfig,
  SandboxConfig,
  WorkerConfig,
  LexofficeConfig,
  ProsonataConfig,
  OffersConfig,
  WebsiteConfig,
  CatalogConfig,
  Product,
  DashboardConfig,
  WebhookSource,
} from './load.js';
export { SETTINGS, SANDBOX_SECRETS } from './settings.js';
export type { Setting, SettingGroup } from './settings.js';
export { readTestEnvironment } from './test-environment.js';
export { renderConfigReference } from './reference.js';
