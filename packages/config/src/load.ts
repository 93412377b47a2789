import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { keyProblems, weakSecretProblems } from './secret-checks.js';
import {
  PAYPAL_CERT_PREFIXES,
  SETTINGS,
  type GroupConfigs,
  type Setting,
  type SettingGroup,
} from './settings/index.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export type CampusMode = GroupConfigs['core']['mode'];
export type CoreConfig = GroupConfigs['core'];
export type ReceiverConfig = GroupConfigs['receiver'];
export type PaypalConfig = GroupConfigs['paypal'];
export type MagicCodeConfig = GroupConfigs['magicCode'];
export type QueuesConfig = GroupConfigs['queues'];
export type MailConfig = GroupConfigs['mail'];
export type SandboxConfig = GroupConfigs['sandbox'];
export type WorkerConfig = GroupConfigs['worker'];
export type LexofficeConfig = GroupConfigs['lexoffice'];
export type ProsonataConfig = GroupConfigs['prosonata'];
export type FakturiaConfig = GroupConfigs['fakturia'];
export type WebsiteConfig = GroupConfigs['website'];
export type OffersConfig = GroupConfigs['offers'];
export type CatalogConfig = GroupConfigs['catalog'];
export type DownloadsConfig = GroupConfigs['downloads'];
export type DashboardConfig = GroupConfigs['dashboard'];

/** `250ms`, `30s`, `5m`, `2h`, `3d` → milliseconds. */
export function parseDurationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`Not a duration: ${text} (use e.g. 250ms, 30s, 5m, 2h, 3d)`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}

/** The config of an app that asked for groups G: always `core`, plus each group named. */
export type Config<G extends SettingGroup = SettingGroup> = Readonly<
  { core: CoreConfig } & { readonly [K in G]: GroupConfigs[K] }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(
      `Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'Set these environment variables (see the configuration reference in README.md) and start again.',
      options,
    );
  }
}

const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: true });
addFormats(ajv, ['uri']);

function schemaFor(settings: readonly Setting[], required: string[]) {
  const properties: Record<string, object> = {};
  for (const s of settings) {
    const value: Record<string, unknown> = {
      type:
        s.type === 'integer' || s.type === 'boolean'
          ? s.type
          : s.type === 'json'
            ? ['object', 'array']
            : 'string',
    };
    if (s.schema) Object.assign(value, s.schema);
    if (s.enum) value.enum = s.enum;
    if (s.pattern) value.pattern = s.pattern;
    if (s.format) value.format = s.format;
    if (s.minimum !== undefined) value.minimum = s.minimum;
    if (s.maximum !== undefined) value.maximum = s.maximum;
    // A list is split before it is checked: the rules above hold for each item.
    properties[s.env] = s.type === 'list' ? { type: 'array', items: value } : value;
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
    const raw = s.alsoFrom ? joinListVariables(env[s.env], env[s.alsoFrom]) : env[s.env];
    const fallback = mode === 'sandbox' ? (s.sandboxDefault ?? s.default) : s.default;
    const value = raw !== undefined && raw !== '' ? raw : fallback;
    if (value === undefined) continue;
    if (s.type === 'list') {
      values[s.env] = parseList(value);
    } else if (s.type === 'json') {
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
  problems.push(...redisProblems(values));
  if (mode === 'production') {
    problems.push(...paypalProductionProblems(values));
    problems.push(...weakSecretProblems(settings, values));
  } else {
    problems.push(...keyProblems(settings, values));
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config: Record<string, Record<string, unknown>> = {};
  for (const group of wanted) config[group] = {};
  for (const s of settings) {
    config[s.group]![s.key] = values[s.env];
  }
  for (const group of Object.values(config)) Object.freeze(group);
  return Object.freeze(config) as unknown as Config<G>;
}

/** `a,b` and `c` as `a,b,c`; either may be unset. */
function joinListVariables(list: string | undefined, single: string | undefined) {
  const parts = [list, single].filter((v): v is string => v !== undefined && v.trim() !== '');
  return parts.length > 0 ? parts.join(',') : undefined;
}

/**
 * PayPal's certificates come only from PayPal's own hosts and chain to a
 * public root (issue #9): production refuses a test CA, a wildcard and any
 * prefix outside `https://<PayPal API host>/v1/notifications/certs/`.
 */
function paypalProductionProblems(values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const prefix of (values.PAYPAL_CERT_URL_ALLOW as string[] | undefined) ?? []) {
    if (!PAYPAL_CERT_PREFIXES.some((allowed) => prefix.startsWith(allowed))) {
      problems.push(
        `PAYPAL_CERT_URL_ALLOW may only name PayPal's certificate URLs in production (${PAYPAL_CERT_PREFIXES.join(', ')}), without wildcards (got ${prefix}).`,
      );
    }
  }
  if (values.PAYPAL_CERT_TEST_CA !== undefined) {
    problems.push(
      'PAYPAL_CERT_TEST_CA is for tests and the sandbox only: unset it in production (PayPal certificates chain to a public root).',
    );
  }
  return problems;
}

/** A list of seed nodes is a cluster's; one Redis has one URL. */
function redisProblems(values: Record<string, unknown>): string[] {
  const urls = String(values.REDIS_URL ?? '').split(',');
  if (urls.length > 1 && values.REDIS_CLUSTER !== true) {
    return [
      'REDIS_URL names several nodes: set REDIS_CLUSTER=true for a Redis Cluster, or give one URL.',
    ];
  }
  return [];
}

/** What production needs set; a sender's secret only while the sender is enabled. */
function requiredInProduction(
  settings: readonly Setting[],
  values: Record<string, unknown>,
): string[] {
  const sources = (values.RECEIVER_SOURCES as string[] | undefined) ?? [];
  return settings
    .filter((s) => s.requiredInProduction || (s.requiredFor && sources.includes(s.requiredFor)))
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
