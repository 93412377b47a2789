import { decodeWhsec, strengthProblem } from './secret-strength.js';
import { SANDBOX_SECRETS, SETTINGS, type Setting } from './settings/index.js';

/** A setting's value as a list of the strings it holds (one, or each item of a list). */
function itemsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Sandbox mode too: a `whsec` key must decode to something (Node's base64 decoder would skip what it cannot read). */
export function keyProblems(
  settings: readonly Setting[],
  values: Record<string, unknown>,
): string[] {
  return settings
    .filter((s) => s.kind === 'whsec')
    .flatMap((s) =>
      itemsOf(values[s.env]).some((v) => v.startsWith('whsec_') && !decodeWhsec(v))
        ? [`${s.env} is not \`whsec_\` followed by the base64 of a key.`]
        : [],
    );
}

/** Every value published in this repository, in any variable: production refuses them all. */
const DEVELOPMENT_VALUES = new Set<string>([
  ...Object.values(SANDBOX_SECRETS),
  ...SETTINGS.filter((s) => s.secret && s.sandboxDefault).map((s) => s.sandboxDefault!),
]);
const DEVELOPMENT_SETTINGS = new Set<string>(Object.keys(SANDBOX_SECRETS));

/**
 * Production only: no development value in a secret (or a variable whose
 * development value is published), and each secret as strong as its setting
 * says (minBytes, minLength, whsec). Values are never quoted.
 */
export function weakSecretProblems(
  settings: readonly Setting[],
  values: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const s of settings) {
    const items = itemsOf(values[s.env]);
    const checksDevelopment = s.secret || DEVELOPMENT_SETTINGS.has(s.env);
    items.forEach((item, index) => {
      const name = s.type === 'list' ? `${s.env} entry ${index + 1}` : s.env;
      if (checksDevelopment && DEVELOPMENT_VALUES.has(item)) {
        problems.push(
          `${name} is a development value published in this repository: production needs your own.`,
        );
        return;
      }
      const problem = strengthProblem(s, item);
      if (problem) problems.push(`${name} ${problem}.`);
    });
  }
  return problems;
}
