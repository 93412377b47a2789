import { action, facts, paragraph, type MailDocument } from '../document.js';
import { greetingFor, optionalText, requireLink, requireText } from '../vars.js';

export interface PaypalFreigabeVars {
  /** PayPal's approval link of the new subscription. */
  freigabe_link: string;
  vertrag_nr: string;
  kunde_name?: string;
}

const TEMPLATE = 'paypal_freigabe';

/** `paypal_freigabe`: the customer approves the PayPal subscription for a contract. */
export function paypalFreigabe(vars: PaypalFreigabeVars): MailDocument {
  const link = requireLink(TEMPLATE, vars, 'freigabe_link');
  const vertrag = requireText(TEMPLATE, vars, 'vertrag_nr');

  return {
    subject: `Bitte bestätigen Sie Ihr PayPal-Abonnement (Vertrag ${vertrag})`,
    preheader: 'Nur noch ein Schritt: die Zahlung per PayPal bestätigen.',
    greeting: greetingFor(optionalText(vars, 'kunde_name')),
    blocks: [
      paragraph(
        'vielen Dank für Ihre Bestellung. Sie haben PayPal als Zahlungsart gewählt. Damit wir die Beiträge für Ihren Vertrag per PayPal einziehen können, bestätigen Sie bitte noch das Abonnement bei PayPal:',
      ),
      facts([['Vertragsnummer', vertrag]]),
      action('Bei PayPal bestätigen', link),
      paragraph(
        'Erst nach Ihrer Bestätigung ist die Zahlung eingerichtet. Der Link führt direkt zu PayPal; Ihre Zugangsdaten geben Sie ausschließlich dort ein.',
      ),
      paragraph(
        'Bei Fragen antworten Sie einfach auf diese E-Mail – wir helfen Ihnen gern weiter.',
      ),
    ],
  };
}
