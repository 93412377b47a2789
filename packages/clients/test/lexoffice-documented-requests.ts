/**
 * What https://developers.lexware.io/docs/ requires of the requests our
 * Lexoffice client sends, as JSON Schemas (Lexoffice publishes no OpenAPI
 * document; these are written from its reference pages, section by section,
 * and only from them, never from our client). `additionalProperties: false`
 * where the docs list the writable fields: anything else (read-only totals,
 * numbers, statuses, our own fields) is not ours to send.
 */

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
// "yyyy-MM-ddTHH:mm:ss.SSSXXX", RFC 3339 with milliseconds and an offset.
const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$';
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Vouchers Endpoint, "Vouchers Properties" and "Create a Voucher" (write access: sales vouchers). */
export const CREATE_VOUCHER = {
  type: 'object',
  required: [
    'type',
    'voucherNumber',
    'voucherDate',
    'totalGrossAmount',
    'totalTaxAmount',
    'taxType',
    'voucherItems',
  ],
  additionalProperties: false,
  properties: {
    type: { enum: ['salesinvoice', 'salescreditnote'] },
    voucherNumber: { type: 'string', minLength: 1 },
    voucherDate: { type: 'string', pattern: DATE },
    shippingDate: { type: 'string', pattern: DATE },
    dueDate: { type: 'string', pattern: DATE },
    totalGrossAmount: { type: 'number', minimum: 0 },
    totalTaxAmount: { type: 'number', minimum: 0 },
    taxType: { enum: ['net', 'gross'] },
    useCollectiveContact: { const: true },
    contactId: { type: 'string', pattern: UUID },
    remark: { type: 'string' },
    voucherItems: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['amount', 'taxAmount', 'taxRatePercent', 'categoryId'],
        additionalProperties: false,
        properties: {
          amount: { type: 'number', minimum: 0 },
          taxAmount: { type: 'number', minimum: 0 },
          // "Supported tax rates" FAQ.
          taxRatePercent: { enum: [0, 5, 7, 16, 19] },
          categoryId: { type: 'string', pattern: UUID },
        },
      },
    },
  },
  // "Set to true if the Collective Contact … should be used"; else "an existing contact id must be provided".
  anyOf: [{ required: ['useCollectiveContact'] }, { required: ['contactId'] }],
} as const;

/**
 * Invoices Endpoint, "Invoices Properties", "Address Details" (one-time
 * address: name and countryCode), "Line Items Details", "Unit Price Details",
 * "Total Price Details" (totals read-only), "Shipping Conditions Details".
 */
export const CREATE_INVOICE = {
  type: 'object',
  required: [
    'voucherDate',
    'address',
    'lineItems',
    'totalPrice',
    'taxConditions',
    'shippingConditions',
  ],
  additionalProperties: false,
  properties: {
    voucherDate: { type: 'string', pattern: DATE_TIME },
    address: {
      type: 'object',
      required: ['name', 'countryCode'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        supplement: { type: 'string' },
        street: { type: 'string' },
        city: { type: 'string' },
        zip: { type: 'string' },
        countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
      },
    },
    lineItems: {
      type: 'array',
      minItems: 1,
      maxItems: 300,
      items: {
        type: 'object',
        required: ['type', 'name', 'quantity', 'unitName', 'unitPrice'],
        additionalProperties: false,
        properties: {
          type: { const: 'custom' },
          name: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          quantity: { type: 'number', minimum: 0 },
          unitName: { type: 'string', minLength: 1 },
          unitPrice: {
            type: 'object',
            required: ['currency', 'taxRatePercentage'],
            additionalProperties: false,
            properties: {
              currency: { const: 'EUR' },
              netAmount: { type: 'number' },
              grossAmount: { type: 'number' },
              taxRatePercentage: { enum: [0, 7, 19] },
            },
            oneOf: [{ required: ['netAmount'] }, { required: ['grossAmount'] }],
          },
        },
      },
    },
    totalPrice: {
      type: 'object',
      required: ['currency'],
      additionalProperties: false,
      properties: { currency: { const: 'EUR' } },
    },
    taxConditions: {
      type: 'object',
      required: ['taxType'],
      additionalProperties: false,
      properties: { taxType: { enum: ['net', 'gross'] } },
    },
    shippingConditions: {
      type: 'object',
      required: ['shippingType', 'shippingDate'],
      additionalProperties: false,
      properties: {
        shippingType: { enum: ['service', 'delivery'] },
        shippingDate: { type: 'string', pattern: DATE_TIME },
      },
    },
    title: { type: 'string' },
    introduction: { type: 'string' },
    remark: { type: 'string' },
  },
} as const;

/** Voucherlist Endpoint: the two required filters, day filters, pages of at most 250. */
export const VOUCHERLIST_QUERY = {
  type: 'object',
  required: ['voucherType', 'voucherStatus'],
  additionalProperties: false,
  properties: {
    voucherType: {
      type: 'string',
      pattern: '^(salesinvoice|salescreditnote)(,(salesinvoice|salescreditnote))*$',
    },
    voucherStatus: { const: 'any' },
    voucherNumber: { type: 'string', minLength: 1 },
    voucherDateFrom: { type: 'string', pattern: DATE },
    voucherDateTo: { type: 'string', pattern: DATE },
    page: { type: 'string', pattern: '^\\d+$' },
    size: { type: 'string', pattern: '^([1-9]\\d?|1\\d\\d|2[0-4]\\d|250)$' },
  },
} as const;
