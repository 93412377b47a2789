import {
  UpstreamError,
  UpstreamRejectedError,
  type LexofficeClient,
  type LexofficeVoucher,
  type LexofficeVoucherType,
} from '@campus/clients';
import { validateAgainst } from '@campus/events';
import type { JobContext } from '@campus/queues';
import { VoucherContractError, VoucherOutcomeUnknownError } from './errors.js';
import type { InFlightMarkers } from './in-flight-markers.js';
import type { MappedVoucher } from './voucher-draft.js';

export interface VoucherSyncDeps {
  lexoffice: LexofficeClient;
  markers: InFlightMarkers;
  now?: () => number;
}

/** The job's result: ids only. `found` when an unanswered earlier attempt had created it. */
export interface VoucherOutcome {
  voucherId: string;
  voucherType: LexofficeVoucherType;
  reference: string;
  found?: true;
}

// Lexoffice's clock and ours may disagree a little.
const CLOCK_SLACK_MS = 2 * 60_000;

/** Our contract for what goes to Lexoffice; a violation is a bug or a payload gap, never sent. */
function checkContract({ reference, draft }: MappedVoucher): LexofficeVoucher {
  const result = validateAgainst('lexoffice_voucher_create_out', draft);
  if (!result.ok) throw new VoucherContractError(reference, result.details);
  return draft as LexofficeVoucher;
}

/**
 * Lexoffice did nothing, so a retry may send again: it answered and refused
 * (4xx, 429), or it was never asked (the client wraps every failure of a sent
 * request in an UpstreamError; anything else stopped before sending).
 */
const notCarriedOut = (error: unknown) =>
  !(error instanceof UpstreamError) ||
  (error.status !== undefined && error.status >= 400 && error.status < 500);

async function findEarlier(
  voucher: LexofficeVoucher,
  since: number,
  mapped: MappedVoucher,
  deps: VoucherSyncDeps,
  ctx: JobContext,
): Promise<VoucherOutcome | undefined> {
  const now = deps.now?.() ?? Date.now();
  let found;
  try {
    found = await deps.lexoffice.findVoucher(
      {
        voucherType: voucher.voucherType,
        remark: voucher.remark ?? '',
        contactName: voucher.address.name,
        createdFrom: new Date(since - CLOCK_SLACK_MS),
        createdTo: new Date(now + CLOCK_SLACK_MS),
      },
      { signal: ctx.signal },
    );
  } catch (error) {
    if (!(error instanceof UpstreamRejectedError)) throw error;
    // The operator decides; clearing the marker lets their retry create the voucher.
    await deps.markers.clear(ctx.eventKey);
    throw new VoucherOutcomeUnknownError(mapped.reference, voucher.remark ?? '', { cause: error });
  }
  if (!found) {
    ctx.log.info(
      { reference: mapped.reference },
      'no voucher from the unanswered attempt: sending',
    );
    return undefined;
  }
  ctx.log.info(
    { reference: mapped.reference, voucherId: found.id },
    'an unanswered earlier attempt had created the voucher: not sending again',
  );
  return {
    voucherId: found.id,
    voucherType: voucher.voucherType,
    reference: mapped.reference,
    found: true,
  };
}

/**
 * Creates the voucher at Lexoffice exactly once per event. ctx.once records
 * the outcome after the call returns; the gap it leaves (Lexoffice acted, the
 * answer never came) is closed by an in-flight marker set before the call: a
 * retry that finds it searches Lexoffice for the voucher by its remark before
 * sending again.
 */
export async function syncVoucher(
  mapped: MappedVoucher,
  deps: VoucherSyncDeps,
  ctx: JobContext,
): Promise<VoucherOutcome> {
  const voucher = checkContract(mapped);
  const outcome = await ctx.once('lexoffice-voucher', async (): Promise<VoucherOutcome> => {
    const earlier = await deps.markers.get(ctx.eventKey);
    if (earlier) {
      const found = await findEarlier(voucher, earlier.since, mapped, deps, ctx);
      if (found) return found;
    }
    await deps.markers.mark(ctx.eventKey, deps.now?.() ?? Date.now());
    try {
      const created = await deps.lexoffice.createVoucher(voucher, { signal: ctx.signal });
      return {
        voucherId: created.id,
        voucherType: voucher.voucherType,
        reference: mapped.reference,
      };
    } catch (error) {
      if (notCarriedOut(error)) await deps.markers.clear(ctx.eventKey);
      throw error;
    }
  });
  // Only now: cleared before the outcome was recorded, a crash in between would send twice.
  await deps.markers.clear(ctx.eventKey);
  ctx.log.info(
    {
      reference: outcome.reference,
      voucherId: outcome.voucherId,
      voucherType: outcome.voucherType,
    },
    'voucher synced to Lexoffice',
  );
  return outcome;
}
