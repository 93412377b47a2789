import type { MailDocument } from './document.js';
import { MailTemplateError } from './errors.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { angebotInitial, type AngebotInitialVars } from './templates/angebot-initial.js';
import { ebookKauf, type EbookKaufVars } from './templates/ebook-kauf.js';
import { followUp, type FollowUpVars } from './templates/follow-up.js';
import { magicCode, type MagicCodeVars } from './templates/magic-code.js';
import { mahnung, type MahnungVars } from './templates/mahnung.js';
import { paypalFreigabe, type PaypalFreigabeVars } from './templates/paypal-freigabe.js';
import {
  zahlungFehlgeschlagen,
  type ZahlungFehlgeschlagenVars,
} from './templates/zahlung-fehlgeschlagen.js';
import { zertifikat, type ZertifikatVars } from './templates/zertifikat.js';

/** Every template by name, with the vars it takes. */
export interface MailTemplateVars {
  mahnung_1: MahnungVars;
  mahnung_2: MahnungVars;
  mahnung_3: MahnungVars;
  zahlung_fehlgeschlagen: ZahlungFehlgeschlagenVars;
  angebot_initial: AngebotInitialVars;
  follow_up_1: FollowUpVars;
  follow_up_2: FollowUpVars;
  follow_up_3: FollowUpVars;
  zertifikat: ZertifikatVars;
  magic_code: MagicCodeVars;
  paypal_freigabe: PaypalFreigabeVars;
  ebook_kauf: EbookKaufVars;
}

export type MailTemplateName = keyof MailTemplateVars;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// A missing entry here does not compile.
const TEMPLATES: { [K in MailTemplateName]: (vars: MailTemplateVars[K]) => MailDocument } = {
  mahnung_1: (vars) => mahnung(1, vars),
  mahnung_2: (vars) => mahnung(2, vars),
  mahnung_3: (vars) => mahnung(3, vars),
  zahlung_fehlgeschlagen: zahlungFehlgeschlagen,
  angebot_initial: angebotInitial,
  follow_up_1: (vars) => followUp(1, vars),
  follow_up_2: (vars) => followUp(2, vars),
  follow_up_3: (vars) => followUp(3, vars),
  zertifikat,
  magic_code: magicCode,
  paypal_freigabe: paypalFreigabe,
  ebook_kauf: ebookKauf,
};

export const MAIL_TEMPLATES = Object.keys(TEMPLATES) as readonly MailTemplateName[];

export function isMailTemplate(name: string): name is MailTemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

/** Renders a template to subject, plain text and HTML; throws MailTemplateError on bad vars. */
export function renderMail<T extends MailTemplateName>(
  template: T,
  vars: MailTemplateVars[T],
): RenderedMail {
  // Job data reaches here as JSON, so the name and vars are checked at run time too.
  if (!isMailTemplate(template)) {
    throw new MailTemplateError(
      `Unknown mail template ${JSON.stringify(String(template))}; known are ${MAIL_TEMPLATES.join(', ')}`,
      String(template),
    );
  }
  if (vars === null || typeof vars !== 'object') {
    throw new MailTemplateError(
      `Template ${template} needs its vars as an object, got ${vars === null ? 'null' : typeof vars}`,
      template,
    );
  }
  const build = TEMPLATES[template] as (vars: MailTemplateVars[T]) => MailDocument;
  const doc = build(vars);
  return { subject: doc.subject, text: renderText(doc), html: renderHtml(doc) };
}
