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
  FakturiaConfig,
  OffersConfig,
  WebsiteConfig,
  CatalogConfig,
  DownloadsConfig,
  DashboardConfig,
} from './load.js';
export { SETTINGS, SANDBOX_SECRETS, PAYPAL_CERT_PREFIXES } from './settings/index.js';
export type { Setting, SettingGroup, Product } from './settings/index.js';
export type { GroupConfig, GroupSpec, JsonValue, SettingSpec, ValueOf } from './settings/define.js';
export { readTestEnvironment } from './test-environment.js';
export { renderConfigReference } from './reference.js';
