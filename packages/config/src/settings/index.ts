import { catalog } from './catalog.js';
import { certificatePage, certificates } from './certificates.js';
import { core } from './core.js';
import { dashboard } from './dashboard.js';
import type { GroupConfig, SettingSpec } from './define.js';
import { downloads } from './downloads.js';
import { dunning } from './dunning.js';
import { fakturia } from './fakturia.js';
import { lexoffice } from './lexoffice.js';
import { magicCode } from './magic-code.js';
import { mail } from './mail.js';
import { offers } from './offers.js';
import { paypal } from './paypal.js';
import { prosonata } from './prosonata.js';
import { queues } from './queues.js';
import { receiver } from './receiver.js';
import { sandbox } from './sandbox.js';
import { website } from './website.js';
import { worker } from './worker.js';

/**
 * Every environment variable the system reads, as data, one file per group:
 * the validator, the typed config object and the README's configuration
 * reference are all made from these, so they cannot drift apart.
 */
export const GROUPS = {
  core,
  receiver,
  paypal,
  magicCode,
  queues,
  mail,
  sandbox,
  worker,
  lexoffice,
  prosonata,
  fakturia,
  website,
  offers,
  catalog,
  downloads,
  certificates,
  certificatePage,
  dunning,
  dashboard,
} as const;

export type SettingGroup = keyof typeof GROUPS;

/** The loaded config of each group, with types inferred from its settings. */
export type GroupConfigs = { [G in SettingGroup]: GroupConfig<(typeof GROUPS)[G]> };

/** A setting with the group and property it belongs to. */
export interface Setting extends SettingSpec {
  group: SettingGroup;
  /** Property name in the group's config object. */
  key: string;
}

export const SETTINGS: readonly Setting[] = Object.entries(GROUPS).flatMap(([group, specs]) =>
  Object.entries(specs).map(([key, spec]) => ({ ...spec, group: group as SettingGroup, key })),
);

export { SANDBOX_SECRETS } from './sandbox-secrets.js';
export { PAYPAL_CERT_PREFIXES } from './receiver.js';
export type { Product } from './catalog.js';
