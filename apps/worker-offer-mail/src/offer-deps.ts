import type { MailSender } from '@campus/mailer';
import type { OfferSettings } from './offer-settings.js';
import type { OfferStore } from './offer-store.js';

/** What the offer handlers work with. */
export interface OfferDeps extends MailSender {
  store: OfferStore;
  settings: OfferSettings;
}
