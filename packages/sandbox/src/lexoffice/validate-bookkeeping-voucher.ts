/**
 * `POST /v1/vouchers` as https://developers.lexware.io/docs/ (Vouchers
 * Endpoint: "Vouchers Properties", "Create a Voucher") describes it: write
 * access for sales vouchers only; `voucherNumber`, `voucherDate`
 * (`yyyy-MM-dd`), `totalGrossAmount`, `totalTaxAmount`, `taxType` and
 * `voucherItems` (each `amount`, `taxAmount`, `taxRatePercent`, `categoryId`)
 * required; the collective contact or a `contactId`; totals that "must match
 * the sum of all positions"; amounts as `##.00`; tax rates 0, 5, 7, 16, 19
 * ("Supported tax rates" FAQ). Answered with the legacy error (406).
 *
 * Sandbox decisions, not verified at Lexoffice: an item's tax may be off its
 * amount × rate by one cent (rounding); the sandbox has no contacts, so only
 * the collective contact books; read-only fields are refused, not ignored.
 */
import { isMoney, taxCents, toCents } from './amounts.js';
import { isCalendarDate } from './berlin-time.js';
import { issue, type LexofficeIssue } from './lexoffice-errors.js';
import { isIncomeCategory } from './posting-categories.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const BOOKKEEPING_TYPES = ['salesinvoice', 'salescreditnote'] as const;
const TAX_RATES = [0, 5, 7, 16, 19];
const READ_ONLY = ['id', 'organizationId', 'createdDate', 'updatedDate', 'files'];
const WRITABLE_STATUS = ['open', 'unchecked'];

function checkItems(body: Record<string, unknown>, issues: LexofficeIssue[]) {
  if (!Array.isArray(body.voucherItems) || body.voucherItems.length === 0) {
    issues.push(issue('missing_entity', 'voucherItems'));
    return;
  }
  const taxType = body.taxType === 'net' ? 'net' : 'gross';
  body.voucherItems.forEach((item, index) => {
    const at = (field: string) => `voucherItems[${index}].${field}`;
    if (!isObject(item)) {
      issues.push(issue('missing_entity', `voucherItems[${index}]`));
      return;
    }
    for (const field of ['amount', 'taxAmount', 'taxRatePercent', 'categoryId']) {
      if (item[field] === undefined || item[field] === null)
        issues.push(issue('missing_entity', at(field)));
    }
    if (item.amount !== undefined && !isMoney(item.amount))
      issues.push(issue('invalid_value', at('amount')));
    if (item.taxAmount !== undefined && !isMoney(item.taxAmount))
      issues.push(issue('invalid_value', at('taxAmount')));
    if (item.taxRatePercent !== undefined && !TAX_RATES.includes(item.taxRatePercent as number))
      issues.push(issue('invalid_value', at('taxRatePercent')));
    if (item.categoryId !== undefined && !isIncomeCategory(item.categoryId))
      issues.push(issue('invalid_value', at('categoryId')));
    if (
      isMoney(item.amount) &&
      isMoney(item.taxAmount) &&
      typeof item.taxRatePercent === 'number'
    ) {
      const expected = taxCents(toCents(item.amount), item.taxRatePercent, taxType);
      if (Math.abs(expected - toCents(item.taxAmount)) > 1)
        issues.push(issue('invalid_taxamount', at('taxAmount')));
    }
  });
}

function checkTotals(body: Record<string, unknown>, issues: LexofficeIssue[]) {
  for (const field of ['totalGrossAmount', 'totalTaxAmount']) {
    if (body[field] === undefined || body[field] === null)
      issues.push(issue('missing_entity', field));
    else if (!isMoney(body[field])) issues.push(issue('invalid_value', field));
  }
  const items = Array.isArray(body.voucherItems) ? body.voucherItems.filter(isObject) : [];
  if (items.length === 0 || !items.every((i) => isMoney(i.amount) && isMoney(i.taxAmount))) return;
  const tax = items.reduce((sum, i) => sum + toCents(i.taxAmount as number), 0);
  const amounts = items.reduce((sum, i) => sum + toCents(i.amount as number), 0);
  const gross = body.taxType === 'net' ? amounts + tax : amounts;
  if (isMoney(body.totalTaxAmount) && toCents(body.totalTaxAmount) !== tax)
    issues.push(issue('invalid_total_amount', 'totalTaxAmount'));
  if (isMoney(body.totalGrossAmount) && toCents(body.totalGrossAmount) !== gross)
    issues.push(issue('invalid_total_amount', 'totalGrossAmount'));
}

/** Every reason Lexoffice would refuse this voucher; none when it would book it. */
export function validateBookkeepingVoucher(body: unknown): LexofficeIssue[] {
  if (!isObject(body)) return [issue('bad_request_error', null, 'bad_request_error')];
  const issues: LexofficeIssue[] = [];
  for (const field of READ_ONLY) if (field in body) issues.push(issue('invalid_value', field));
  if (body.voucherStatus !== undefined && !WRITABLE_STATUS.includes(body.voucherStatus as string))
    issues.push(issue('invalid_value', 'voucherStatus'));

  if (body.type === undefined) issues.push(issue('missing_entity', 'type'));
  else if (!BOOKKEEPING_TYPES.includes(body.type as (typeof BOOKKEEPING_TYPES)[number]))
    issues.push(issue('invalid_value', 'type'));
  if (
    body.voucherStatus !== 'unchecked' &&
    (typeof body.voucherNumber !== 'string' || !body.voucherNumber)
  )
    issues.push(issue('missing_entity', 'voucherNumber'));
  if (body.voucherDate === undefined) issues.push(issue('missing_entity', 'voucherDate'));
  else if (!isCalendarDate(body.voucherDate)) issues.push(issue('invalid_value', 'voucherDate'));
  for (const field of ['shippingDate', 'dueDate']) {
    if (body[field] !== undefined && !isCalendarDate(body[field]))
      issues.push(issue('invalid_value', field));
  }
  if (body.taxType === undefined) issues.push(issue('missing_entity', 'taxType'));
  else if (!['net', 'gross', 'vatfree'].includes(body.taxType as string))
    issues.push(issue('invalid_value', 'taxType'));
  if (body.useCollectiveContact !== true) {
    issues.push(
      issue(body.contactId === undefined ? 'missing_entity' : 'invalid_value', 'contactId'),
    );
  }
  checkItems(body, issues);
  checkTotals(body, issues);
  return issues;
}
