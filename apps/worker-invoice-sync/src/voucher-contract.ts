import type { LexofficeVoucher } from '@campus/clients';
import { validateAgainst } from '@campus/events';
import { VoucherContractError } from './errors.js';
import type { MappedVoucher } from './voucher-draft.js';

/**
 * Our contract for what goes to Lexoffice (`lexoffice_voucher_create_out`),
 * checked before any request: a violation is a bug or a payload gap, never sent.
 */
export function checkContract({ reference, draft }: MappedVoucher): LexofficeVoucher {
  const result = validateAgainst('lexoffice_voucher_create_out', draft);
  if (!result.ok) throw new VoucherContractError(reference, result.details);
  return draft as LexofficeVoucher;
}
