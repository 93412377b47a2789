/** One entry of a Lexoffice validation error's `details`. */
export interface LexofficeViolation {
  violation: string;
  field: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A loose check of an invoice or credit note: the fields Lexoffice cannot do
 * without. Lexoffice itself checks far more; the sandbox is not the contract.
 */
export function validateVoucher(body: unknown): LexofficeViolation[] {
  if (!isObject(body)) {
    return [{ violation: 'NOTNULL', field: '', message: 'Body must be a JSON object.' }];
  }
  const problems: LexofficeViolation[] = [];
  const missing = (field: string) =>
    problems.push({ violation: 'NOTNULL', field, message: 'darf nicht leer sein' });

  if (typeof body.voucherDate !== 'string' || body.voucherDate === '') missing('voucherDate');
  else if (Number.isNaN(Date.parse(body.voucherDate))) {
    problems.push({
      violation: 'PATTERN',
      field: 'voucherDate',
      message: 'muss ein Datum sein (yyyy-MM-ddTHH:mm:ss.SSSXXX)',
    });
  }
  if (!isObject(body.address)) missing('address');
  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) missing('lineItems');
  else {
    body.lineItems.forEach((item, index) => {
      if (!isObject(item)) missing(`lineItems[${index}]`);
    });
  }
  if (!isObject(body.totalPrice)) missing('totalPrice');
  else if (typeof body.totalPrice.currency !== 'string') missing('totalPrice.currency');
  return problems;
}
