import { action, facts, paragraph, type MailDocument } from '../document.js';
import { greetingFor, requireDate, requireLink, requireText } from '../vars.js';

export interface ZertifikatVars {
  teilnehmer_name: string;
  produkt_name: string;
  zertifikat_nr: string;
  /** "2024-05-15", an ISO date-time or a Date. */
  abschluss_datum: string | Date;
  /** The attached PDF's sha256, lower-case hex: the page confirms the same value. */
  sha256: string;
  /** The page that confirms the certificate: `<PUBLIC_BASE_URL>/zertifikate/<number>`. */
  pruef_url: string;
}

const TEMPLATE = 'zertifikat';

/** `zertifikat`: the certificate mail; the PDF goes along as an attachment. */
export function zertifikat(vars: ZertifikatVars): MailDocument {
  const teilnehmer = requireText(TEMPLATE, vars, 'teilnehmer_name');
  const produkt = requireText(TEMPLATE, vars, 'produkt_name');
  const nr = requireText(TEMPLATE, vars, 'zertifikat_nr');
  const datum = requireDate(TEMPLATE, vars, 'abschluss_datum');
  const sha256 = requireText(TEMPLATE, vars, 'sha256');
  const pruefUrl = requireLink(TEMPLATE, vars, 'pruef_url');

  return {
    subject: `Ihr Zertifikat: ${produkt}`,
    preheader: `Herzlichen Glückwunsch zum Abschluss von „${produkt}“!`,
    greeting: greetingFor(teilnehmer),
    blocks: [
      paragraph(
        `herzlichen Glückwunsch! Sie haben „${produkt}“ am ${datum} erfolgreich abgeschlossen. Ihr Zertifikat finden Sie als PDF im Anhang dieser E-Mail.`,
      ),
      facts([
        ['Teilnehmer/in', teilnehmer],
        ['Kurs', produkt],
        ['Abgeschlossen am', datum],
        ['Zertifikatsnummer', nr],
        ['Prüfsumme der PDF-Datei (SHA-256)', sha256],
      ]),
      paragraph(
        'Mit der Zertifikatsnummer kann jede Person, der Sie Ihr Zertifikat vorlegen, seine Echtheit auf unserer Prüfseite bestätigen lassen. Die Seite nennt auch die Prüfsumme: Stimmt sie mit der Ihrer PDF-Datei überein, ist die Datei unverändert.',
      ),
      action('Zertifikat prüfen', pruefUrl),
      paragraph('Wir wünschen Ihnen weiterhin viel Erfolg!'),
    ],
  };
}
