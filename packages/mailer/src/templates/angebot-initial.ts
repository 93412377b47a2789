import { action, facts, paragraph, type MailDocument } from '../document.js';
import {
  countOf,
  formatCount,
  greetingFor,
  optionalCount,
  requireLink,
  requireText,
} from '../vars.js';

export interface AngebotInitialVars {
  firma_name: string;
  ansprechpartner_name: string;
  angebot_pdf_url: string;
  annahme_link: string;
  laufzeit_monate?: number;
  teilnehmer_anzahl?: number;
}

const TEMPLATE = 'angebot_initial';

/** `angebot_initial`: the offer a company asked for with the B2B form. */
export function angebotInitial(vars: AngebotInitialVars): MailDocument {
  const firma = requireText(TEMPLATE, vars, 'firma_name');
  const ansprechpartner = requireText(TEMPLATE, vars, 'ansprechpartner_name');
  const pdf = requireLink(TEMPLATE, vars, 'angebot_pdf_url');
  const annahme = requireLink(TEMPLATE, vars, 'annahme_link');
  const laufzeit = optionalCount(TEMPLATE, vars, 'laufzeit_monate');
  const teilnehmer = optionalCount(TEMPLATE, vars, 'teilnehmer_anzahl');

  return {
    subject: `Ihr Angebot für ${firma}`,
    preheader: `Unser Angebot für ${firma} liegt für Sie bereit.`,
    greeting: greetingFor(ansprechpartner),
    blocks: [
      paragraph(
        `vielen Dank für Ihr Interesse an Campus. Wie gewünscht erhalten Sie hiermit unser Angebot für ${firma}.`,
      ),
      facts([
        ['Unternehmen', firma],
        ['Laufzeit', laufzeit === undefined ? undefined : countOf(laufzeit, 'Monat', 'Monate')],
        ['Teilnehmende', teilnehmer === undefined ? undefined : formatCount(teilnehmer)],
      ]),
      paragraph('Alle Einzelheiten finden Sie im Angebot als PDF:'),
      action('Angebot ansehen (PDF)', pdf),
      paragraph('Wenn Ihnen das Angebot zusagt, können Sie es bequem online annehmen:'),
      action('Angebot annehmen', annahme),
      paragraph(
        'Für Rückfragen oder Anpassungen stehen wir Ihnen gern zur Verfügung – antworten Sie einfach auf diese E-Mail.',
      ),
    ],
  };
}
