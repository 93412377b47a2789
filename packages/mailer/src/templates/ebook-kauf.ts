import { action, facts, paragraph, type MailDocument } from '../document.js';
import { formatTime } from '../format.js';
import {
  greetingFor,
  optionalText,
  requireAmount,
  requireDate,
  requireLink,
  requireText,
} from '../vars.js';

export interface EbookKaufVars {
  kunde_name?: string;
  produkt_name: string;
  /** Lexoffice's number of the invoice in the attachment (`RE1001`). */
  rechnung_nr: string;
  /** The signed, time-limited link to the e-book at the website. */
  download_link: string;
  /** When the link stops working: an ISO date-time (date and time are shown), or a plain date. */
  link_gueltig_bis: string;
  /** The invoice's gross total in euros, as Lexoffice computed it. */
  betrag?: number;
}

const TEMPLATE = 'ebook_kauf';

/** `ebook_kauf`: the e-book buyer's download link; the invoice PDF goes along as an attachment. */
export function ebookKauf(vars: EbookKaufVars): MailDocument {
  const produkt = requireText(TEMPLATE, vars, 'produkt_name');
  const nr = requireText(TEMPLATE, vars, 'rechnung_nr');
  const link = requireLink(TEMPLATE, vars, 'download_link');
  const datum = requireDate(TEMPLATE, vars, 'link_gueltig_bis');
  const uhrzeit = formatTime(vars.link_gueltig_bis);
  const bis =
    uhrzeit === undefined ? `bis einschließlich ${datum}` : `bis zum ${datum} um ${uhrzeit} Uhr`;
  const betrag = vars.betrag === undefined ? undefined : requireAmount(TEMPLATE, vars, 'betrag');

  return {
    subject: `Ihr E-Book „${produkt}“ und Ihre Rechnung ${nr}`,
    preheader: `Vielen Dank für Ihren Kauf: Ihr E-Book steht zum Herunterladen bereit.`,
    greeting: greetingFor(optionalText(vars, 'kunde_name')),
    blocks: [
      paragraph(
        `vielen Dank für Ihren Kauf! Ihr E-Book „${produkt}“ steht ab sofort für Sie zum Herunterladen bereit:`,
      ),
      action('E-Book herunterladen', link),
      paragraph(
        `Der Link ist ${bis} gültig und nur für Sie bestimmt. Bitte laden Sie das E-Book bis dahin herunter und speichern Sie es auf Ihrem Gerät.`,
      ),
      facts([
        ['Produkt', produkt],
        ['Rechnungsnummer', nr],
        ['Rechnungsbetrag', betrag],
      ]),
      paragraph('Ihre Rechnung finden Sie als PDF im Anhang dieser E-Mail.'),
      paragraph(
        'Bei Fragen antworten Sie einfach auf diese E-Mail – wir helfen Ihnen gern weiter. Viel Freude beim Lesen!',
      ),
    ],
  };
}
