import type { MailSender } from '@campus/mailer';
import type { OfferSettings } from './offer-settings.js';
import type { OfferStore } from './offer-store.js';

/** The offer-mail domain's services, built in main.ts; every handler takes them. */
export interface OfferDeps extends MailSender {
  store: OfferStore;
  settings: OfferSettings;
}
