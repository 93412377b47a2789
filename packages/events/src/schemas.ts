import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import angebotAngenommen from './schemas/campus/campus_angebot_angenommen_in.json' with { type: 'json' };
import zertifikatAusstellen from './schemas/campus/campus_zertifikat_ausstellen_in.json' with { type: 'json' };
import mailEbookKauf from './schemas/campus/mail_ebook_kauf_out.json' with { type: 'json' };
import formB2bAngebot from './schemas/seed/form_b2b_angebot_in.json' with { type: 'json' };
import formEbookKauf from './schemas/seed/form_ebook_kauf_in.json' with { type: 'json' };
import formMagicCodeRequest from './schemas/seed/form_magic_code_request_in.json' with { type: 'json' };
import formMagicCodeVerify from './schemas/seed/form_magic_code_verify_in.json' with { type: 'json' };
import lexofficeVoucherCreate from './schemas/seed/lexoffice_voucher_create_out.json' with { type: 'json' };
import mailAngebotInitial from './schemas/seed/mail_angebot_initial_out.json' with { type: 'json' };
import mailFollowUp from './schemas/seed/mail_follow_up_out.json' with { type: 'json' };
import mailMahnung from './schemas/seed/mail_mahnung_out.json' with { type: 'json' };
import mailZertifikat from './schemas/seed/mail_zertifikat_out.json' with { type: 'json' };
import paypalSubscriptionCreate from './schemas/seed/paypal_subscription_create_out.json' with { type: 'json' };
import paypalPaymentCompleted from './schemas/seed/paypal_webhook_payment_completed.json' with { type: 'json' };
import paypalPaymentDenied from './schemas/seed/paypal_webhook_payment_denied.json' with { type: 'json' };
import paypalSubscriptionPaymentFailed from './schemas/paypal/paypal_webhook_subscription_payment_failed.json' with { type: 'json' };
import paypalSaleRefunded from './schemas/paypal/paypal_webhook_sale_refunded.json' with { type: 'json' };
import paypalSaleReversed from './schemas/paypal/paypal_webhook_sale_reversed.json' with { type: 'json' };

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * The 12 seed schemas (verbatim), our two `campus.*` schemas, PayPal's
 * subscription payment failure, sale refund and reversal, and our e-book mail
 * contract, by name.
 */
export const SCHEMAS = {
  form_b2b_angebot_in: formB2bAngebot,
  form_ebook_kauf_in: formEbookKauf,
  form_magic_code_request_in: formMagicCodeRequest,
  form_magic_code_verify_in: formMagicCodeVerify,
  lexoffice_voucher_create_out: lexofficeVoucherCreate,
  mail_angebot_initial_out: mailAngebotInitial,
  mail_follow_up_out: mailFollowUp,
  mail_mahnung_out: mailMahnung,
  mail_zertifikat_out: mailZertifikat,
  paypal_subscription_create_out: paypalSubscriptionCreate,
  paypal_webhook_payment_completed: paypalPaymentCompleted,
  paypal_webhook_payment_denied: paypalPaymentDenied,
  paypal_webhook_subscription_payment_failed: paypalSubscriptionPaymentFailed,
  paypal_webhook_sale_refunded: paypalSaleRefunded,
  paypal_webhook_sale_reversed: paypalSaleReversed,
  campus_angebot_angenommen_in: angebotAngenommen,
  campus_zertifikat_ausstellen_in: zertifikatAusstellen,
  mail_ebook_kauf_out: mailEbookKauf,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

/** One problem with a payload: a JSON pointer into the body and what is wrong there. */
export interface ValidationDetail {
  path: string;
  message: string;
}

// One ajv instance for the process: every schema is compiled once, at first use.
export const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

/** The validator compiled for `key`; `schema` (or the function that builds it) is read only the first time. */
export function compileSchema(key: string, schema: object | (() => object)): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(typeof schema === 'function' ? schema() : schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** ajv errors as `{path, message}`, with a missing property named in the path. */
export function toDetails(
  errors: readonly ErrorObject[] | null | undefined,
  prefix = '',
): ValidationDetail[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const allowed =
      e.keyword === 'enum' || e.keyword === 'const'
        ? ` (${JSON.stringify(e.params.allowedValues ?? e.params.allowedValue)})`
        : '';
    return {
      path: `${prefix}${e.instancePath}${missing}` || '/',
      message: `${e.message ?? 'is invalid'}${allowed}`,
    };
  });
}

/** Validates `value` against a named seed or campus schema. */
export function validateAgainst(
  name: SchemaName,
  value: unknown,
  prefix = '',
): { ok: true } | { ok: false; details: ValidationDetail[] } {
  const validate = compileSchema(name, SCHEMAS[name]);
  return validate(value)
    ? { ok: true }
    : { ok: false, details: toDetails(validate.errors, prefix) };
}
