export { createMailer } from './create-mailer.js';
export type { CreateMailerOptions } from './create-mailer.js';
export type { Mailer, MailMessage, MailAttachment, SentMail } from './mail-message.js';
export { deriveMessageId } from './message-id.js';
export { composeMail } from './compose-mail.js';
export type { ComposedMail, MailInput } from './compose-mail.js';
export { sendOnce } from './send-once.js';
export type { MailJob, MailSender, SendOnceOptions, SentOnce } from './send-once.js';
export { renderMail, isMailTemplate, MAIL_TEMPLATES } from './render-mail.js';
export type { MailTemplateName, MailTemplateVars, RenderedMail } from './render-mail.js';
export type { MahnungVars } from './templates/mahnung.js';
export type { ZahlungFehlgeschlagenVars } from './templates/zahlung-fehlgeschlagen.js';
export type { AngebotInitialVars } from './templates/angebot-initial.js';
export type { FollowUpVars } from './templates/follow-up.js';
export type { ZertifikatVars } from './templates/zertifikat.js';
export type { MagicCodeVars } from './templates/magic-code.js';
export type { PaypalFreigabeVars } from './templates/paypal-freigabe.js';
export { validateMailContract, mailSchemaFor } from './contract.js';
export type { MailSchemaName, OutboundMailPayload } from './contract.js';
export { formatEuro, formatDate } from './format.js';
export { escapeHtml } from './html.js';
export {
  MailSendError,
  MailTemplateError,
  MailContractError,
  MailerConfigError,
} from './errors.js';
