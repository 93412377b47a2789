import type { FakturiaState } from './fakturia/fakturia-state.js';
import type { LexofficeState } from './lexoffice/lexoffice-state.js';
import type { MailStore } from './mail/mail-store.js';
import type { SmtpFailSwitch } from './mail/smtp-fail-switch.js';
import type { PaypalState } from './paypal/paypal-state.js';
import type { ProsonataState } from './prosonata/prosonata-state.js';

/** Everything the sandbox holds in memory, for tests that want to look without HTTP. */
export interface SandboxState {
  lexoffice: LexofficeState;
  prosonata: ProsonataState;
  paypal: PaypalState;
  fakturia: FakturiaState;
  mail: MailStore;
  /** How the SMTP sink fails, if at all. */
  mailFailSwitch: SmtpFailSwitch;
}
