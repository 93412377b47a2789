import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Source } from '@campus/sources';
import { SETTINGS, type Setting, type SettingGroup } from './settings.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type CampusMode = 'sandbox' | 'production';

export interface CoreConfig {
  mode: CampusMode;
  redisUrl: string;
  queuePrefix: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}
export type WebhookSource = Source;
export interface ReceiverConfig {
  port: number;
  host: string;
  maxBodyBytes: number;
  enqueueTimeoutMs: number;
  sources: WebhookSource[];
  fakturiaToken: string | undefined;
  plenigoSecret: string | undefined;
  plenigoBasicAuth: string | undefined;
  paypalWebhookId: string | undefined;
  paypalVerifyMode: 'cert' | 'api';
  paypalCertUrlAllow: string[];
  campusSecret: string | undefined;
}
export interface PaypalConfig {
  apiUrl: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
}
export interface MagicCodeConfig {
  secret: string;
}
export interface QueuesConfig {
  eventKeyTtlDays: number;
  keepCompletedDays: number;
  keepFailedDays: number;
}

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  outboxDir: string | undefined;
}
export interface SandboxConfig {
  host: string;
  port: number;
  smtpPort: number;
}

export interface WorkerConfig {
  concurrency: number;
  lockMs: number;
  stalledIntervalMs: number;
  shutdownGraceMs: number;
  metricsPort: number;
}

export interface LexofficeConfig {
  apiUrl: string;
  apiKey: string | undefined;
  requestsPerSecond: number;
}
export interface ProsonataConfig {
  apiUrl: string | undefined;
  apiKey: string | undefined;
  customerId: number;
}
export interface WebsiteConfig {
  baseUrl: string | undefined;
}
export interface OffersConfig {
  linkSecret: string | undefined;
  /** Durations such as `3d`; read them with parseDurationMs. */
  followUpDelays: string[];
}
export interface Product {
  name: string;
  netPrice: number;
  taxRate: 0 | 7 | 19;
}
export interface CatalogConfig {
  products: Record<string, Product>;
  paypalPlans: Record<string, string>;
}

/** `250ms`, `30s`, `5m`, `2h`, `3d` → milliseconds. */
export function parseDurationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`Not a duration: ${text} (use e.g. 250ms, 30s, 5m, 2h, 3d)`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}

export interface DashboardConfig {
  port: number;
  host: string;
  user: string | undefined;
  password: string | undefined;
  sessionSecret: string | undefined;
}

interface GroupTypes {
  website: WebsiteConfig;
  dashboard: DashboardConfig;
  lexoffice: LexofficeConfig;
  prosonata: ProsonataConfig;
  offers: OffersConfig;
  catalog: CatalogConfig;
  worker: WorkerConfig;
  mail: MailConfig;
  sandbox: SandboxConfig;
  core: CoreConfig;
  receiver: ReceiverConfig;
  paypal: PaypalConfig;
  magicCode: MagicCodeConfig;
  queues: QueuesConfig;
}

/** The config of an app that asked for groups G: always `core`, plus each group named. */
export type Config<G extends SettingGroup = SettingGroup> = Readonly<
  { core: Readonly<CoreConfig> } & { readonly [K in G]: Readonly<GroupTypes[K]> }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(
      `Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Set these environment variables (see the configuration reference in README.md) and start again.',
    );
  }
}

const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: true });
addFormats(ajv, ['uri']);

function schemaFor(settings: readonly Setting[], required: string[]) {
  const properties: Record<string, object> = {};
  for (const s of settings) {
    const prop: Record<string, unknown> = {
      type: s.type === 'integer' ? 'integer' : s.type === 'json' ? ['object', 'array'] : 'string',
    };
    if (s.schema) Object.assign(prop, s.schema);
    if (s.enum) prop.enum = s.enum;
    if (s.pattern) prop.pattern = s.pattern;
    if (s.format) prop.format = s.format;
    if (s.minimum !== undefined) prop.minimum = s.minimum;
    properties[s.env] = prop;
  }
  return { type: 'object', properties, required };
}

function describe(error: ErrorObject, settings: Map<string, Setting>): string {
  const env = error.instancePath.slice(1) || String(error.params.missingProperty ?? '');
  const setting = settings.get(env);
  if (error.keyword === 'required') {
    return `${env} is missing: required in production mode. ${setting?.description ?? ''}`.trim();
  }
  return `${env} ${error.message ?? 'is invalid'}.`;
}

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * Reads the settings of the named groups from `env` once, validates them and
 * returns a frozen typed object. Throws ConfigError naming every problem.
 */
export function loadConfig<G extends SettingGroup>(
  groups: readonly G[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config<G> {
  const wanted = new Set<SettingGroup>(['core', ...groups]);
  const settings = SETTINGS.filter((s) => wanted.has(s.group));
  const byEnv = new Map(settings.map((s) => [s.env, s]));
  const mode = env.CAMPUS_MODE ?? 'sandbox';

  const values: Record<string, unknown> = {};
  const jsonProblems: string[] = [];
  for (const s of settings) {
    const raw = env[s.env];
    const fallback = mode === 'sandbox' ? (s.sandboxDefault ?? s.default) : s.default;
    const value = raw !== undefined && raw !== '' ? raw : fallback;
    if (value === undefined) continue;
    if (s.type === 'json') {
      try {
        values[s.env] = JSON.parse(value) as unknown;
      } catch (error) {
        jsonProblems.push(`${s.env} is not valid JSON: ${(error as Error).message}.`);
      }
    } else {
      values[s.env] = value;
    }
  }

  const required = mode === 'production' ? requiredInProduction(settings, values) : [];
  const validate = ajv.compile(schemaFor(settings, required));
  const problems: string[] = [...jsonProblems];
  if (!validate(values)) {
    for (const e of validate.errors ?? []) problems.push(describe(e, byEnv));
  }
  if (mode === 'production') {
    for (const prefix of parseList(String(values.PAYPAL_CERT_URL_ALLOW ?? ''))) {
      if (!prefix.startsWith('https://')) {
        problems.push(
          `PAYPAL_CERT_URL_ALLOW may only name https URLs in production (got ${prefix}).`,
        );
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config: Record<string, Record<string, unknown>> = {};
  for (const group of wanted) config[group] = {};
  for (const s of settings) {
    const value = values[s.env];
    config[s.group]![s.key] =
      s.type === 'list' && typeof value === 'string' ? parseList(value) : value;
  }
  for (const group of Object.values(config)) Object.freeze(group);
  return Object.freeze(config) as unknown as Config<G>;
}

/** Sources left out of RECEIVER_SOURCES need no secret, even in production. */
function requiredInProduction(
  settings: readonly Setting[],
  values: Record<string, unknown>,
): string[] {
  const sources = parseList(String(values.RECEIVER_SOURCES ?? ''));
  const sourceOf: Record<string, Source> = {
    FAKTURIA_WEBHOOK_TOKEN: 'fakturia',
    PLENIGO_WEBHOOK_SECRET: 'plenigo',
    PAYPAL_WEBHOOK_ID: 'paypal',
    CAMPUS_WEBHOOK_SECRET: 'campus',
  };
  return settings
    .filter((s) => s.requiredInProduction)
    .filter((s) => !(s.env in sourceOf) || sources.includes(sourceOf[s.env]!))
    .map((s) => s.env);
}

/**
 * Runs `read` (loading config, or building what checks its settings) and, on a
 * ConfigError, says what to set and exits with 78 (EX_CONFIG): the one way an
 * app stops for configuration.
 */
export async function exitOnConfigError<T>(
  appName: string,
  read: () => T | Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${appName}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
