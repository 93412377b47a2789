import { action, facts, paragraph, type Block, type MailDocument } from '../document.js';
import {
  greetingFor,
  optionalLink,
  optionalText,
  requireAmount,
  requireDate,
  requireText,
} from '../vars.js';

export interface MahnungVars {
  rechnung_nr: string;
  /** Open amount in euros. */
  betrag: number;
  /** Due date: "2024-05-15", an ISO date-time or a Date. */
  faellig_am: string | Date;
  kunde_name?: string;
  /** Where the customer can pay online. */
  zahlungslink?: string;
}

export type MahnungLevel = 1 | 2 | 3;

interface Wording {
  subject: (nr: string) => string;
  preheader: (betrag: string) => string;
  opening: string;
  request: string;
}

// Zahlungserinnerung → 1. Mahnung → letzte Mahnung: friendly, then firm, then final.
const WORDING: Record<MahnungLevel, Wording> = {
  1: {
    subject: (nr) => `Zahlungserinnerung zur Rechnung ${nr}`,
    preheader: (betrag) => `Für Ihre Rechnung ist noch ein Betrag von ${betrag} offen.`,
    opening:
      'bei der Durchsicht unserer Buchhaltung haben wir festgestellt, dass die folgende Rechnung noch nicht beglichen ist. Sicher handelt es sich nur um ein Versehen.',
    request: 'Bitte überweisen Sie den offenen Betrag in den nächsten Tagen.',
  },
  2: {
    subject: (nr) => `1. Mahnung zur Rechnung ${nr}`,
    preheader: (betrag) => `Trotz unserer Erinnerung ist ein Betrag von ${betrag} noch offen.`,
    opening:
      'leider konnten wir trotz unserer Zahlungserinnerung bis heute keinen Zahlungseingang für die folgende Rechnung feststellen.',
    request: 'Wir bitten Sie, den offenen Betrag umgehend zu begleichen.',
  },
  3: {
    subject: (nr) => `Letzte Mahnung zur Rechnung ${nr}`,
    preheader: (betrag) => `Letzte Mahnung: Bitte begleichen Sie umgehend ${betrag}.`,
    opening:
      'trotz unserer Zahlungserinnerung und unserer Mahnung ist die folgende Rechnung weiterhin nicht beglichen.',
    request:
      'Dies ist unsere letzte Mahnung. Bitte begleichen Sie den offenen Betrag umgehend. Geht die Zahlung nicht ein, müssen wir weitere Schritte einleiten, die mit zusätzlichen Kosten für Sie verbunden sein können.',
  },
};

/** `mahnung_1` … `mahnung_3`. */
export function mahnung(level: MahnungLevel, vars: MahnungVars): MailDocument {
  const template = `mahnung_${level}`;
  const nr = requireText(template, vars, 'rechnung_nr');
  const betrag = requireAmount(template, vars, 'betrag');
  const faellig = requireDate(template, vars, 'faellig_am');
  const link = optionalLink(template, vars, 'zahlungslink');
  const wording = WORDING[level];

  const blocks: Block[] = [
    paragraph(wording.opening),
    facts([
      ['Rechnungsnummer', nr],
      ['Offener Betrag', betrag],
      ['Fällig seit', faellig],
    ]),
    paragraph(wording.request),
  ];
  if (link !== undefined) blocks.push(action('Jetzt online bezahlen', link));
  blocks.push(
    paragraph(
      level === 1
        ? 'Sollten Sie die Zahlung bereits veranlasst haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.'
        : 'Sollten Sie die Zahlung in der Zwischenzeit bereits veranlasst haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.',
    ),
    paragraph(
      'Falls Sie Fragen zur Rechnung haben oder etwas einer Zahlung entgegensteht, antworten Sie bitte auf diese E-Mail – wir finden gemeinsam eine Lösung.',
    ),
  );

  return {
    subject: wording.subject(nr),
    preheader: wording.preheader(betrag),
    greeting: greetingFor(optionalText(vars, 'kunde_name')),
    blocks,
  };
}
