import type { Mailer } from '@campus/mailer';
import type { OfferSettings } from './offer-settings.js';
import type { OfferStore } from './offer-store.js';

/** What the offer handlers work with. */
export interface OfferDeps {
  store: OfferStore;
  mailer: Mailer;
  /** MAIL_FROM: its domain goes into the derived Message-IDs. */
  mailFrom: string;
  settings: OfferSettings;
}

/** The outcome `ctx.once('mail')` records: a retry reads it instead of sending again. */
export interface SentOfferMail {
  messageId: string;
  sentAt: string;
}
