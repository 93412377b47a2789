import { facts, paragraph, type MailDocument } from '../document.js';
import { greetingFor, optionalText, requireAmount } from '../vars.js';

export interface ZahlungFehlgeschlagenVars {
  /** Amount in euros. */
  betrag: number;
  /** "PayPal", "SEPA-Lastschrift", "Kreditkarte" … */
  zahlungsart?: string;
  rechnung_nr?: string;
  kunde_name?: string;
}

const TEMPLATE = 'zahlung_fehlgeschlagen';

/** `zahlung_fehlgeschlagen`: a payment was declined (PayPal denied, plenigo failed payment). */
export function zahlungFehlgeschlagen(vars: ZahlungFehlgeschlagenVars): MailDocument {
  const betrag = requireAmount(TEMPLATE, vars, 'betrag');
  const zahlungsart = optionalText(vars, 'zahlungsart');
  const nr = optionalText(vars, 'rechnung_nr');
  const per = zahlungsart === undefined ? '' : ` per ${zahlungsart}`;

  return {
    subject:
      nr === undefined
        ? 'Ihre Zahlung konnte nicht ausgeführt werden'
        : `Ihre Zahlung zur Rechnung ${nr} konnte nicht ausgeführt werden`,
    preheader: `Die Zahlung über ${betrag} ist fehlgeschlagen.`,
    greeting: greetingFor(optionalText(vars, 'kunde_name')),
    blocks: [
      paragraph(`leider konnte Ihre Zahlung über ${betrag}${per} nicht ausgeführt werden.`),
      facts([
        ['Betrag', betrag],
        ['Zahlungsart', zahlungsart],
        ['Rechnungsnummer', nr],
      ]),
      paragraph(
        'Häufige Ursachen sind ein nicht ausreichend gedecktes Konto, eine abgelaufene Karte oder geänderte Zahlungsdaten. Bitte prüfen Sie Ihre Zahlungsdaten, damit Ihr Zugang ohne Unterbrechung bestehen bleibt.',
      ),
      paragraph(
        'Haben Sie Fragen oder möchten Sie eine andere Zahlungsart nutzen? Antworten Sie einfach auf diese E-Mail – wir helfen Ihnen gern weiter.',
      ),
    ],
  };
}
