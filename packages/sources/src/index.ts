/**
 * The senders campus-events accepts webhooks from, in one list: the receiver's
 * endpoints, RECEIVER_SOURCES, job validation, webhook-auth and the dashboard
 * all read it. Everything else about a sender lives in
 * packages/events/src/senders/<source>.ts and packages/webhook-auth/src/senders/<source>.ts.
 *
 * A package of its own because @campus/config needs the list and cannot
 * import @campus/events (events → testing → config would be a cycle, and
 * config would load every schema for four names).
 */
export const SOURCES = ['fakturia', 'plenigo', 'paypal', 'campus'] as const;
export type Source = (typeof SOURCES)[number];

export function isSource(value: string): value is Source {
  return (SOURCES as readonly string[]).includes(value);
}
