import { paragraph, type MailDocument } from '../document.js';
import { countOf, optionalCount, requireText } from '../vars.js';

export interface MagicCodeVars {
  /** The 8-character login code, `[A-Z0-9]`. */
  code: string;
  /** How long the code is valid; 15 unless given. */
  gueltig_minuten?: number;
}

const TEMPLATE = 'magic_code';
const DEFAULT_MINUTES = 15;

/** `magic_code`: the login code. The subject leaves it out, so it does not show in notifications. */
export function magicCode(vars: MagicCodeVars): MailDocument {
  const code = requireText(TEMPLATE, vars, 'code');
  const minutes = optionalCount(TEMPLATE, vars, 'gueltig_minuten') ?? DEFAULT_MINUTES;
  const validity = countOf(minutes, 'Minute', 'Minuten');

  return {
    subject: 'Ihr Anmeldecode für Campus',
    preheader: `Ihr Code ist ${validity} gültig.`,
    greeting: 'Guten Tag,',
    blocks: [
      paragraph('Sie haben einen Code für die Anmeldung bei Campus angefordert. Ihr Code lautet:'),
      { kind: 'code', code },
      paragraph(`Der Code ist ${validity} gültig.`),
      paragraph(
        'Falls Sie keinen Code angefordert haben, können Sie diese E-Mail ignorieren. Bitte geben Sie den Code niemals an Dritte weiter.',
      ),
    ],
  };
}
