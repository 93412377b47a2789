import { UpstreamError, UpstreamRejectedError, type LexofficeClient } from '@campus/clients';
import type { JobContext } from '@campus/queues';
import { VoucherOutcomeUnknownError } from './errors.js';
import type { InFlightMarkers } from './in-flight-markers.js';

export interface LexofficeOnceDeps {
  lexoffice: LexofficeClient;
  markers: InFlightMarkers;
  now?: () => number;
}

/** One document to create at Lexoffice, and how to recognise it if an unanswered attempt did. */
export interface LexofficeCreation {
  /** The job's step (ctx.once) that records the outcome. */
  step: string;
  /** Names it in logs and errors: ids only. */
  reference: string;
  /** What an operator looks for in Lexoffice when the search fails, e.g. `an invoice with the remark "…"`. */
  lookFor: string;
  create(signal: AbortSignal): Promise<{ id: string }>;
  /** The document an attempt that went out at `since` created, if it did. */
  findEarlier(since: number, now: number, signal: AbortSignal): Promise<{ id: string } | undefined>;
}

/** The step's outcome. `found` when an unanswered earlier attempt had created it. */
export interface Created {
  id: string;
  found?: true;
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
  creation: LexofficeCreation,
  since: number,
  deps: LexofficeOnceDeps,
  ctx: JobContext,
): Promise<Created | undefined> {
  let found;
  try {
    found = await creation.findEarlier(since, deps.now?.() ?? Date.now(), ctx.signal);
  } catch (error) {
    if (!(error instanceof UpstreamRejectedError)) throw error;
    // The operator decides; clearing the marker lets their retry create it.
    await deps.markers.clear(ctx.eventKey);
    throw new VoucherOutcomeUnknownError(creation.reference, creation.lookFor, { cause: error });
  }
  if (!found) {
    ctx.log.info({ reference: creation.reference }, 'nothing from the unanswered attempt: sending');
    return undefined;
  }
  ctx.log.info(
    { reference: creation.reference, voucherId: found.id },
    'an unanswered earlier attempt had created it: not sending again',
  );
  return { id: found.id, found: true };
}

/**
 * Creates a document at Lexoffice exactly once per event, though Lexoffice
 * takes no idempotency key. ctx.once records the outcome after the call
 * returns; the gap it leaves (Lexoffice acted, the answer never came) is
 * closed by an in-flight marker set before the call: a retry that finds it,
 * in this process or another, looks for the document (creation.findEarlier)
 * before sending again.
 */
export async function createAtLexofficeOnce(
  creation: LexofficeCreation,
  deps: LexofficeOnceDeps,
  ctx: JobContext,
): Promise<Created> {
  const outcome = await ctx.once(creation.step, async (): Promise<Created> => {
    const earlier = await deps.markers.get(ctx.eventKey);
    if (earlier) {
      const found = await findEarlier(creation, earlier.since, deps, ctx);
      if (found) return found;
    }
    await deps.markers.mark(ctx.eventKey, deps.now?.() ?? Date.now());
    try {
      const created = await creation.create(ctx.signal);
      return { id: created.id };
    } catch (error) {
      if (notCarriedOut(error)) await deps.markers.clear(ctx.eventKey);
      throw error;
    }
  });
  // Only now: cleared before the outcome was recorded, a crash in between would send twice.
  await deps.markers.clear(ctx.eventKey);
  return outcome;
}
