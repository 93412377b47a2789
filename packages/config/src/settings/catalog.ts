import { jsonSetting, type GroupSpec } from './define.js';

export interface Product {
  name: string;
  netPrice: number;
  taxRate: 0 | 7 | 19;
  /** Where the website serves the product's file (e-books): the buyer's mail links here, signed. */
  downloadUrl?: string;
}

export const catalog = {
  products: jsonSetting<Record<string, Product>>()({
    env: 'PRODUCT_CATALOG',
    schema: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['name', 'netPrice', 'taxRate'],
        properties: {
          name: { type: 'string', minLength: 1 },
          netPrice: { type: 'number', minimum: 0 },
          taxRate: { enum: [0, 7, 19] },
          downloadUrl: { type: 'string', format: 'uri' },
        },
      },
    },
    default:
      '{"ebook-agiles-arbeiten":{"name":"E-Book Agiles Arbeiten","netPrice":18.69,"taxRate":7,"downloadUrl":"https://campus.example/downloads/ebook-agiles-arbeiten.pdf"},"projektmanagement-zertifikat":{"name":"Zertifikatskurs Projektmanagement","netPrice":1490,"taxRate":19}}',
    description:
      "Products sold on the website, as JSON: slug → `{name, netPrice, taxRate, downloadUrl?}` (tax rate 0, 7 or 19 %; `downloadUrl`: where the website serves an e-book, linked signed in the buyer's mail).",
  }),
  paypalPlans: jsonSetting<Record<string, string>>()({
    env: 'PAYPAL_PLAN_MAP',
    schema: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    default: '{"KURS-PM-ABO":"P-SANDBOX-KURS-PM-ABO"}',
    description:
      'Fakturia item number → PayPal billing plan id, as JSON, for contracts paid with PayPal.',
  }),
} as const satisfies GroupSpec;
