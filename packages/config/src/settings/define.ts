/**
 * The shape of a setting, and the types the config object gets from it: a
 * value with a default (or required in production with a sandbox value) is
 * always there; anything else may be `undefined`. The settings themselves
 * are in one file per group beside this one.
 */

import type { Source } from '@campus/sources';

export interface SettingSpec {
  env: string;
  type: 'string' | 'integer' | 'boolean' | 'list' | 'json';
  description: string;
  default?: string;
  /** Used in sandbox mode when the variable is unset; production must set it. */
  sandboxDefault?: string;
  /** How the configuration reference names a sandbox default too long to print. */
  sandboxDefaultShown?: string;
  /** A list setting that also takes the value of this older variable as one more entry. */
  alsoFrom?: string;
  /** Must be set in production mode (for the groups an app asks for). */
  requiredInProduction?: boolean;
  /** Must be set in production mode while this sender is enabled (RECEIVER_SOURCES). */
  requiredFor?: Source;
  /** Never printed, never logged. */
  secret?: boolean;
  /** Allowed values (of the value, or of each list item). */
  enum?: readonly string[];
  pattern?: string;
  format?: 'uri';
  minimum?: number;
  maximum?: number;
  /**
   * Production: the value (each list item) must carry at least this many bytes
   * of entropy, as `estimatedEntropyBytes` measures it (for a `whsec` key: the
   * decoded key's length). See docs/security.md#secret-strength.
   */
  minBytes?: number;
  /** Production: at least this many characters (passwords). */
  minLength?: number;
  /** `whsec`: a Standard Webhooks secret, `whsec_` and the base64 of the key. */
  kind?: 'whsec';
  /** For `json` settings: the JSON Schema the parsed value must match. */
  schema?: object;
}

/** Marks a `json` setting whose parsed value has type T (checked at run time by its `schema`). */
export interface JsonValue<T> {
  type: 'json';
  schema: object;
  /** Type-level only: never set. */
  readonly parsed?: T;
}

/**
 * A `json` setting: `jsonSetting<Record<string, Product>>()({ env, schema, ... })`.
 * (Two calls, so that T is named while the spec's own literal fields, such as
 * whether it has a default, are still inferred.)
 */
export function jsonSetting<T>() {
  return <S extends Omit<SettingSpec, 'type'> & { schema: object }>(spec: S): S & JsonValue<T> => ({
    ...spec,
    type: 'json',
  });
}

export type GroupSpec = Readonly<Record<string, SettingSpec>>;

type ItemOf<S> = S extends { enum: readonly (infer E)[] } ? E : string;

/** The type a setting's value has once loaded. */
export type ValueOf<S> = S extends { type: 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'list' }
      ? ItemOf<S>[]
      : S extends JsonValue<infer T>
        ? T
        : ItemOf<S>;

/** Whether a loaded setting always has a value. */
type AlwaysSet<S> = S extends { default: string }
  ? true
  : S extends { requiredInProduction: true; sandboxDefault: string }
    ? true
    : false;

/** The config object of one group, inferred from its settings. */
export type GroupConfig<G extends GroupSpec> = {
  readonly [K in keyof G]: AlwaysSet<G[K]> extends true ? ValueOf<G[K]> : ValueOf<G[K]> | undefined;
};
