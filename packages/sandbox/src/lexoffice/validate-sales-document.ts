/**
 * `POST /v1/invoices` and `POST /v1/credit-notes` as
 * https://developers.lexware.io/docs/ (Invoices Endpoint: "Invoices
 * Properties", "Address Details", "Line Items Details", "Unit Price
 * Details", "Shipping Conditions Details"; Credit Notes Endpoint) describes
 * them: `voucherDate` a date-time `yyyy-MM-ddTHH:mm:ss.SSSXXX`; an address
 * with `name` and an ISO `countryCode` unless it names a contact; line items
 * with name, quantity, unit and a EUR unit price whose tax rate is 0, 7 or
 * 19; `totalPrice` with its currency; `taxConditions`; for invoices
 * `shippingConditions` with a date-time unless the type is `none` (a live
 * account refuses an invoice without them, github.com/benethos-hub/
 * lexware-office-mcp payloads.py `SHIPPING_REQUIRED`). Answered 406 with the
 * regular error and its `details`.
 *
 * Sandbox decision: the docs say read-only fields sent with a POST are
 * ignored; the sandbox refuses them (violation `READ_ONLY`), so that a
 * client that sends Lexoffice's own fields is caught.
 */
import { parseLexofficeDateTime } from './berlin-time.js';
import type { LexofficeViolation } from './lexoffice-errors.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const READ_ONLY = [
  'id',
  'organizationId',
  'createdDate',
  'updatedDate',
  'voucherStatus',
  'voucherNumber',
  'dueDate',
  'taxAmounts',
  'files',
  'closingInvoice',
  'claimedGrossAmount',
  'downPaymentDeductions',
  'relatedVouchers',
  'electronicDocumentProfile',
  'recurringTemplateId',
];
const READ_ONLY_TOTALS = ['totalNetAmount', 'totalGrossAmount', 'totalTaxAmount'];
const TAX_TYPES = [
  'net',
  'gross',
  'vatfree',
  'intraCommunitySupply',
  'constructionService13b',
  'externalService13b',
  'thirdPartyCountryService',
  'thirdPartyCountryDelivery',
  'photovoltaicEquipment',
];
const ITEM_TYPES = ['service', 'material', 'custom', 'text'];
const SHIPPING_TYPES = ['service', 'serviceperiod', 'delivery', 'deliveryperiod', 'none'];
const TAX_RATES = [0, 7, 19];
const COUNTRY = /^[A-Z]{2}(_[A-Z0-9]+)?$/;
const MAX_LINE_ITEMS = 300;

type Report = (violation: string, field: string, message: string) => void;

const MISSING = 'darf nicht leer sein';
const DATE_TIME = 'muss ein Zeitpunkt im Format yyyy-MM-ddTHH:mm:ss.SSSXXX sein';
const READ_ONLY_TEXT = 'ist schreibgeschützt und wird von Lexoffice gesetzt';

function checkAddress(address: unknown, report: Report) {
  if (!isObject(address)) return report('NOTNULL', 'address', MISSING);
  if (address.contactPerson !== undefined)
    report('READ_ONLY', 'address.contactPerson', READ_ONLY_TEXT);
  if (address.contactId !== undefined) return;
  if (typeof address.name !== 'string' || !address.name) report('NOTNULL', 'address.name', MISSING);
  if (address.countryCode === undefined) report('NOTNULL', 'address.countryCode', MISSING);
  else if (typeof address.countryCode !== 'string' || !COUNTRY.test(address.countryCode))
    report('INVALID_VALUE', 'address.countryCode', 'ist kein ISO-3166-Ländercode (alpha-2)');
}

function checkLineItem(item: unknown, index: number, taxType: unknown, report: Report) {
  const at = (field: string) => `lineItems[${index}].${field}`;
  if (!isObject(item)) return report('NOTNULL', `lineItems[${index}]`, MISSING);
  if (!ITEM_TYPES.includes(item.type as string))
    return report('INVALID_VALUE', at('type'), `muss einer von ${ITEM_TYPES.join(', ')} sein`);
  if (item.lineItemAmount !== undefined) report('READ_ONLY', at('lineItemAmount'), READ_ONLY_TEXT);
  if (item.type === 'text') {
    if (!item.name && !item.description) report('NOTNULL', at('name'), MISSING);
    return;
  }
  if (item.type === 'custom' && item.id !== undefined)
    report('READ_ONLY', at('id'), READ_ONLY_TEXT);
  if (item.type !== 'custom' && typeof item.id !== 'string') report('NOTNULL', at('id'), MISSING);
  if (typeof item.name !== 'string' || !item.name) report('NOTNULL', at('name'), MISSING);
  if (typeof item.quantity !== 'number' || item.quantity < 0)
    report('NOTNULL', at('quantity'), MISSING);
  if (typeof item.unitName !== 'string' || !item.unitName)
    report('NOTNULL', at('unitName'), MISSING);
  const price = item.unitPrice;
  if (!isObject(price)) return report('NOTNULL', at('unitPrice'), MISSING);
  if (price.currency !== 'EUR') report('INVALID_VALUE', at('unitPrice.currency'), 'nur EUR');
  if (!TAX_RATES.includes(price.taxRatePercentage as number))
    report('NOTNULL', at('unitPrice.taxRatePercentage'), MISSING);
  const leading = taxType === 'gross' ? 'grossAmount' : 'netAmount';
  if (typeof price[leading] !== 'number') report('NOTNULL', at(`unitPrice.${leading}`), MISSING);
}

function checkShipping(shipping: unknown, required: boolean, report: Report) {
  if (!isObject(shipping)) {
    if (required) report('NOTNULL', 'shippingConditions', MISSING);
    return;
  }
  if (!SHIPPING_TYPES.includes(shipping.shippingType as string))
    report('NOTNULL', 'shippingConditions.shippingType', MISSING);
  if (shipping.shippingType === 'none') return;
  if (shipping.shippingDate === undefined)
    report('NOTNULL', 'shippingConditions.shippingDate', MISSING);
  else if (parseLexofficeDateTime(shipping.shippingDate) === undefined)
    report('PATTERN', 'shippingConditions.shippingDate', DATE_TIME);
  const period = String(shipping.shippingType).endsWith('period');
  if (period && parseLexofficeDateTime(shipping.shippingEndDate) === undefined)
    report('PATTERN', 'shippingConditions.shippingEndDate', DATE_TIME);
}

/**
 * Every reason Lexoffice would refuse this invoice (`shippingRequired`) or
 * credit note; none when it would create it.
 */
export function validateSalesDocument(
  body: unknown,
  options: { shippingRequired: boolean },
): LexofficeViolation[] {
  if (!isObject(body)) return [{ violation: 'NOTNULL', field: '', message: MISSING }];
  const details: LexofficeViolation[] = [];
  const report: Report = (violation, field, message) => details.push({ violation, field, message });

  for (const field of READ_ONLY) if (field in body) report('READ_ONLY', field, READ_ONLY_TEXT);
  // The initial POST of a versioned resource carries version 0 (docs, "Optimistic locking").
  if (body.version !== undefined && body.version !== 0)
    report('READ_ONLY', 'version', READ_ONLY_TEXT);

  if (body.voucherDate === undefined) report('NOTNULL', 'voucherDate', MISSING);
  else if (parseLexofficeDateTime(body.voucherDate) === undefined)
    report('PATTERN', 'voucherDate', DATE_TIME);
  checkAddress(body.address, report);

  const taxType = isObject(body.taxConditions) ? body.taxConditions.taxType : undefined;
  if (!isObject(body.taxConditions)) report('NOTNULL', 'taxConditions', MISSING);
  else if (!TAX_TYPES.includes(taxType as string))
    report('NOTNULL', 'taxConditions.taxType', MISSING);

  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0)
    report('NOTNULL', 'lineItems', MISSING);
  else if (body.lineItems.length > MAX_LINE_ITEMS)
    report('INVALID_VALUE', 'lineItems', `höchstens ${MAX_LINE_ITEMS} Positionen`);
  else body.lineItems.forEach((item, index) => checkLineItem(item, index, taxType, report));

  if (!isObject(body.totalPrice)) report('NOTNULL', 'totalPrice', MISSING);
  else {
    if (body.totalPrice.currency !== 'EUR') report('NOTNULL', 'totalPrice.currency', MISSING);
    for (const field of READ_ONLY_TOTALS) {
      if (field in body.totalPrice) report('READ_ONLY', `totalPrice.${field}`, READ_ONLY_TEXT);
    }
  }
  checkShipping(body.shippingConditions, options.shippingRequired, report);
  return details;
}
