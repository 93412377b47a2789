import { BOOKKEEPING_TYPES, type BookkeepingVoucherType } from '@campus/clients';
import type { JobContext } from '@campus/queues';
import { createAtLexofficeOnce, type LexofficeOnceDeps } from './lexoffice-once.js';
import { checkContract } from './voucher-contract.js';
import type { BookableVoucher } from './voucher-draft.js';

export interface BookingDeps extends LexofficeOnceDeps {
  /** LEXOFFICE_REVENUE_CATEGORY_ID: the posting category of every voucher item. */
  revenueCategoryId: string;
}

/** The job's result: ids and numbers only. `found` when an unanswered earlier attempt had booked it. */
export interface BookedVoucher {
  voucherId: string;
  voucherType: BookkeepingVoucherType;
  voucherNumber: string;
  reference: string;
  found?: true;
}

/**
 * Books an invoice another system issued as a bookkeeping voucher
 * (`salesinvoice` / `salescreditnote`) under the sender's own number, once
 * per event. After an attempt without an answer it is looked up by that
 * number on its voucher date before anything is sent again.
 */
export async function bookVoucher(
  mapped: BookableVoucher,
  deps: BookingDeps,
  ctx: JobContext,
): Promise<BookedVoucher> {
  const voucher = checkContract(mapped);
  const type = BOOKKEEPING_TYPES[voucher.voucherType];
  const { voucherNumber, dueDate } = mapped;
  const booking = {
    voucherNumber,
    categoryId: deps.revenueCategoryId,
    ...(dueDate === undefined ? {} : { dueDate }),
  };
  const created = await createAtLexofficeOnce(
    {
      step: 'lexoffice-voucher',
      reference: mapped.reference,
      lookFor: `a ${type} with the voucher number "${voucherNumber}" dated ${voucher.voucherDate}`,
      create: (signal) => deps.lexoffice.createBookkeepingVoucher(voucher, booking, { signal }),
      findEarlier: (_since, _now, signal) =>
        deps.lexoffice.findVoucherByNumber(
          { voucherNumber, type, voucherDate: voucher.voucherDate },
          { signal },
        ),
    },
    deps,
    ctx,
  );
  ctx.log.info(
    { reference: mapped.reference, voucherId: created.id, voucherType: type, voucherNumber },
    'voucher booked at Lexoffice',
  );
  return {
    voucherId: created.id,
    voucherType: type,
    voucherNumber,
    reference: mapped.reference,
    ...(created.found ? { found: true as const } : {}),
  };
}
