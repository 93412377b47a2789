/** Medians, tables and goal lines for the printed report. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const say = (line = '') => process.stdout.write(`${line}\n`);

export function heading(title: string) {
  say();
  say(`== ${title} ${'='.repeat(Math.max(0, 74 - title.length))}`);
}

export function table(header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  say(line(header));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) say(line(r));
}

export interface Goal {
  what: string;
  value: string;
  goal: string;
  met: boolean;
}

export function goalLine({ what, value, goal, met }: Goal): string {
  return `${met ? '✓' : '✗'} ${what}: ${value} (goal ${goal})`;
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `evalsha 1.00, set 1.00, …`: calls per unit, largest first. */
export function callsPer(calls: Map<string, number>, units: number, skip: string[] = []): string {
  if (units === 0) return '(no requests)';
  const entries = [...calls]
    .filter(([command]) => !skip.includes(command))
    .map(([command, count]) => [command, count / units] as const)
    .filter(([, per]) => per >= 0.005)
    .sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((sum, [, per]) => sum + per, 0);
  return `${fmt(total, 2)} in all: ${entries.map(([c, per]) => `${c} ${fmt(per, 2)}`).join(', ')}`;
}
