import { MailTemplateError } from './errors.js';
import { formatDate, formatEuro } from './format.js';

// Vars reach a template from job data (JSON), so the compiler's view of them is
// checked again here: a missing value must fail the job, not print "undefined".

type Vars = object;

function read(vars: Vars, key: string): unknown {
  return (vars as Record<string, unknown>)[key];
}

function fail(template: string, key: string, expected: string, value: unknown): never {
  const got = value === undefined || value === null ? 'nothing' : `a ${typeof value}`;
  throw new MailTemplateError(
    `Template ${template} needs vars.${key} as ${expected}, got ${got}; fix the job that builds this mail`,
    template,
  );
}

/** A non-empty string (a number is accepted and written as is). */
export function requireText(template: string, vars: Vars, key: string): string {
  const value = optionalText(vars, key);
  return value ?? fail(template, key, 'a non-empty string', read(vars, key));
}

/** A non-empty string, or undefined when absent or blank. */
export function optionalText(vars: Vars, key: string): string | undefined {
  const value = read(vars, key);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An amount in euros, formatted `1.234,50 €`. */
export function requireAmount(template: string, vars: Vars, key: string): string {
  const value = read(vars, key);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(template, key, 'a finite number of euros', value);
  }
  return formatEuro(value);
}

/** A date, formatted `15.05.2024`. */
export function requireDate(template: string, vars: Vars, key: string): string {
  const value = read(vars, key);
  if (typeof value !== 'string' && !(value instanceof Date)) {
    return fail(template, key, 'a date ("2024-05-15", ISO date-time or Date)', value);
  }
  try {
    return formatDate(value);
  } catch (error) {
    throw new MailTemplateError(
      `Template ${template} cannot read vars.${key} as a date; pass "2024-05-15", an ISO date-time or a Date`,
      template,
      { cause: error },
    );
  }
}

/** An absolute http(s) URL; anything else (javascript:, relative) is refused. */
export function requireLink(template: string, vars: Vars, key: string): string {
  const value = read(vars, key);
  const link = optionalLink(template, vars, key);
  return link ?? fail(template, key, 'an absolute http(s) URL', value);
}

export function optionalLink(template: string, vars: Vars, key: string): string | undefined {
  const text = optionalText(vars, key);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new MailTemplateError(
      `Template ${template} needs vars.${key} as an absolute http(s) URL; the value does not parse as a URL`,
      template,
      { cause: error },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MailTemplateError(
      `Template ${template} needs vars.${key} as an http(s) URL, got a ${url.protocol} URL`,
      template,
    );
  }
  return text;
}

/** A whole number ≥ 1 (months, participants, minutes), or undefined when absent. */
export function optionalCount(template: string, vars: Vars, key: string): number | undefined {
  const value = read(vars, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    return fail(template, key, 'a whole number of at least 1', value);
  }
  return value;
}

/** "Guten Tag Erika Muster," with a name; the formal "Sehr geehrte Damen und Herren," without. */
export function greetingFor(name: string | undefined): string {
  return name === undefined ? 'Sehr geehrte Damen und Herren,' : `Guten Tag ${name},`;
}

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** A whole number with German grouping: `1.500`. */
export function formatCount(count: number): string {
  return integer.format(count);
}

/** "1 Monat" / "12 Monate", "1 Minute" / "15 Minuten". */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
