import { jsonSetting, type GroupSpec } from './define.js';

export interface Product {
  name: string;
  netPrice: number;
  taxRate: 0 | 7 | 19;
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
        },
      },
    },
    default:
      '{"ebook-agiles-arbeiten":{"name":"E-Book Agiles Arbeiten","netPrice":18.69,"taxRate":7},"projektmanagement-zertifikat":{"name":"Zertifikatskurs Projektmanagement","netPrice":1490,"taxRate":19}}',
    description:
      'Products sold on the website, as JSON: slug → `{name, netPrice, taxRate}` (tax rate 0, 7 or 19 %).',
  }),
  paypalPlans: jsonSetting<Record<string, string>>()({
    env: 'PAYPAL_PLAN_MAP',
    schema: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    default: '{"KURS-PM-ABO":"P-SANDBOX-KURS-PM-ABO"}',
    description:
      'Fakturia item number → PayPal billing plan id, as JSON, for contracts paid with PayPal.',
  }),
} as const satisfies GroupSpec;
