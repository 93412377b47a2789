import { action, paragraph, type MailDocument } from '../document.js';
import { greetingFor, optionalText, requireLink, requireText } from '../vars.js';

export interface FollowUpVars {
  firma_name: string;
  annahme_link: string;
  ansprechpartner_name?: string;
}

export type FollowUpLevel = 1 | 2 | 3;

// Three reminders about an open offer, days apart: a friendly question, a
// reminder with an offer to talk, and a last note that we will not write again.
const WORDING: Record<
  FollowUpLevel,
  { subject: (firma: string) => string; preheader: string; paragraphs: (firma: string) => string[] }
> = {
  1: {
    subject: (firma) => `Ihr Angebot für ${firma}: Haben Sie noch Fragen?`,
    preheader: 'Konnten Sie schon einen Blick auf unser Angebot werfen?',
    paragraphs: (firma) => [
      `vor einigen Tagen haben wir Ihnen unser Angebot für ${firma} geschickt. Konnten Sie schon einen Blick darauf werfen?`,
      'Gern beantworten wir Ihre Fragen oder passen das Angebot an Ihre Anforderungen an. Wenn es für Sie passt, können Sie es direkt online annehmen:',
    ],
  },
  2: {
    subject: (firma) => `Erinnerung: Ihr Angebot für ${firma}`,
    preheader: 'Unser Angebot liegt noch für Sie bereit.',
    paragraphs: (firma) => [
      `wir möchten Sie gern noch einmal an unser Angebot für ${firma} erinnern.`,
      'Wenn es Ihnen die Entscheidung erleichtert, stellen wir Ihnen Campus gern in einem kurzen Gespräch vor – antworten Sie einfach mit einem Terminvorschlag auf diese E-Mail. Annehmen können Sie das Angebot jederzeit hier:',
    ],
  },
  3: {
    subject: (firma) => `Letzte Erinnerung: Ihr Angebot für ${firma}`,
    preheader: 'Unsere letzte Nachricht zu Ihrem Angebot.',
    paragraphs: (firma) => [
      `dies ist unsere letzte Nachricht zu unserem Angebot für ${firma}. Wenn Sie es annehmen möchten, genügt ein Klick:`,
    ],
  },
};

const CLOSING: Record<FollowUpLevel, string> = {
  1: 'Wir freuen uns auf Ihre Rückmeldung.',
  2: 'Wir freuen uns auf Ihre Rückmeldung.',
  3: 'Sollte das Angebot derzeit nicht passen, ist das völlig in Ordnung – wir melden uns dazu nicht weiter. Wenn sich Ihr Bedarf ändert, erreichen Sie uns jederzeit über eine Antwort auf diese E-Mail.',
};

/** `follow_up_1` … `follow_up_3`. */
export function followUp(level: FollowUpLevel, vars: FollowUpVars): MailDocument {
  const template = `follow_up_${level}`;
  const firma = requireText(template, vars, 'firma_name');
  const annahme = requireLink(template, vars, 'annahme_link');
  const wording = WORDING[level];

  return {
    subject: wording.subject(firma),
    preheader: wording.preheader,
    greeting: greetingFor(optionalText(vars, 'ansprechpartner_name')),
    blocks: [
      ...wording.paragraphs(firma).map(paragraph),
      action('Angebot annehmen', annahme),
      paragraph(CLOSING[level]),
    ],
  };
}
