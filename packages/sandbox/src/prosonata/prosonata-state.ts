import type { Clock } from '../clock.js';
import { createUpstreamParts, type UpstreamState } from '../http/upstream.js';
import type { CustomerGroup } from './address-fields.js';
import { AddressStore, DEFAULT_CUSTOMER_GROUPS } from './address-store.js';
import { Quota, type QuotaStatus } from './quota.js';

export interface ProsonataOptions {
  /** Calls per window (default 50). */
  quotaLimit?: number;
  /** Length of the quota window (default 900 s, ProSonata's 15 minutes). */
  quotaWindowSeconds?: number;
  /** Customer groups that exist at start (default ids 1..3). */
  customers?: readonly CustomerGroup[];
}

/**
 * How a filter matches. The documentation says "Filterung/Suche" without
 * saying whether a search is exact: `contains` lets a test see the worst case
 * (`comments=campus:fakturia:K1` also finding `…K10`).
 */
export type SearchMode = 'exact' | 'contains';

export interface ProsonataState extends UpstreamState {
  readonly store: AddressStore;
  readonly quota: Quota;
  searchMode: SearchMode;
}

/** The `meta` object every ProSonata answer carries. */
export function prosonataMeta(
  status: number,
  quota: QuotaStatus,
  list?: { page: number; perPage: number; totalCount: number },
) {
  return {
    status,
    ...(list ?? {}),
    requestUserID: 1,
    requestUsername: 'sandbox',
    usergroupName: 'Administrator',
    apiLimitRemaining: quota.remaining,
    apiLimitReset: quota.resetSeconds,
  };
}

export function createProsonataState(clock: Clock, options: ProsonataOptions = {}): ProsonataState {
  const limit = options.quotaLimit ?? 50;
  const windowSeconds = options.quotaWindowSeconds ?? 900;
  const quota = new Quota(clock, limit, windowSeconds);
  const parts = createUpstreamParts(clock, () => ({
    meta: prosonataMeta(500, quota.peek()),
    message: 'Sandbox: injected failure.',
  }));
  const store = new AddressStore(options.customers ?? DEFAULT_CUSTOMER_GROUPS);
  const state: ProsonataState = {
    ...parts,
    store,
    quota,
    searchMode: 'exact',
    reset() {
      state.searchMode = 'exact';
      parts.requests.clear();
      parts.faults.reset();
      store.reset();
      quota.configure(limit, windowSeconds);
    },
  };
  return state;
}
