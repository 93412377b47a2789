import { facts, paragraph, type MailDocument } from '../document.js';
import { greetingFor, requireDate, requireText } from '../vars.js';

export interface ZertifikatVars {
  teilnehmer_name: string;
  produkt_name: string;
  zertifikat_nr: string;
  /** "2024-05-15", an ISO date-time or a Date. */
  abschluss_datum: string | Date;
}

const TEMPLATE = 'zertifikat';

/** `zertifikat`: the certificate mail; the PDF goes along as an attachment. */
export function zertifikat(vars: ZertifikatVars): MailDocument {
  const teilnehmer = requireText(TEMPLATE, vars, 'teilnehmer_name');
  const produkt = requireText(TEMPLATE, vars, 'produkt_name');
  const nr = requireText(TEMPLATE, vars, 'zertifikat_nr');
  const datum = requireDate(TEMPLATE, vars, 'abschluss_datum');

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
      ]),
      paragraph(
        'Bitte bewahren Sie die Zertifikatsnummer auf: Mit ihr lässt sich die Echtheit Ihres Zertifikats jederzeit bestätigen.',
      ),
      paragraph('Wir wünschen Ihnen weiterhin viel Erfolg!'),
    ],
  };
}
