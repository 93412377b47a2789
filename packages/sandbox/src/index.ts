export { createSandbox } from './sandbox.js';
export type { Sandbox, SandboxOptions } from './sandbox.js';
export { startSandbox } from './start.js';
export type { RunningSandbox, StartSandboxOptions } from './start.js';
export type { SandboxState } from './sandbox-state.js';
export { systemClock } from './clock.js';
export type { Clock } from './clock.js';
export {
  generatePaypalCertificate,
  generateTestCa,
  issueCertificate,
  SANDBOX_SIGNING_CN,
} from './paypal/certificate.js';
export type { CertificateAuthority, PaypalCertificate } from './paypal/certificate.js';
export { SANDBOX_PAYPAL_CA } from './paypal/dev-ca.js';
export { signPaypalWebhook } from './paypal/sign-webhook.js';
export type { PaypalWebhookHeaders, SignPaypalWebhookInput } from './paypal/sign-webhook.js';
export type { RecordedRequest } from './http/request-log.js';
export type { FaultMode } from './http/faults.js';
export type { StoredMail, StoredAttachment } from './mail/mail-store.js';
export { SMTP_FAIL_MODES } from './mail/smtp-fail-switch.js';
export type { SmtpFailMode, SmtpFailStatus, SmtpFailSwitch } from './mail/smtp-fail-switch.js';
export { mailFailSwitch } from './mail/mail-fail-client.js';
export { sandboxControl, SandboxControlError } from './control/control-client.js';
export type { SandboxControl, SinkMail } from './control/control-client.js';
export type { MailFailSwitchClient } from './mail/mail-fail-client.js';
export type { CustomerGroup, Address } from './prosonata/address-fields.js';
export type { FakturiaCustomerRecord } from './fakturia/fakturia-state.js';
export type {
  StoredFile as LexofficeStoredFile,
  StoredVoucher as LexofficeStoredVoucher,
} from './lexoffice/lexoffice-state.js';
