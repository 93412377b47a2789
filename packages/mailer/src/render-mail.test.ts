import { describe, expect, it } from 'vitest';
import { NonRetriableError } from '@campus/errors';
import { MailTemplateError } from './errors.js';
import { escapeHtml } from './html.js';
import {
  MAIL_TEMPLATES,
  renderMail,
  type MailTemplateName,
  type MailTemplateVars,
} from './render-mail.js';

const mahnung = {
  rechnung_nr: 'R-2024-0042',
  betrag: 1234.5,
  faellig_am: '2024-05-15',
  kunde_name: 'Erika Muster',
  zahlungslink: 'https://pay.example.com/r/42?ref=mail&lang=de',
};
const ebookLink =
  'https://campus.example/downloads/ebook-agiles-arbeiten.pdf?expires=1722463200&signature=uRk2hQ0mXQ5zNfJx0ShbQv7Vf2a2cKZkq3kqYwXl0Ys';
const followUp = {
  firma_name: 'Muster GmbH',
  annahme_link: 'https://campus.example.com/angebot/a1/annehmen',
  ansprechpartner_name: 'Max Beispiel',
};

// Every template with all its vars; the type makes a new template without an example fail to compile.
const FULL: { [K in MailTemplateName]: MailTemplateVars[K] } = {
  mahnung_1: mahnung,
  mahnung_2: mahnung,
  mahnung_3: mahnung,
  zahlung_fehlgeschlagen: {
    betrag: 49,
    zahlungsart: 'PayPal',
    rechnung_nr: 'R-2024-0043',
    kunde_name: 'Erika Muster',
  },
  angebot_initial: {
    firma_name: 'Muster GmbH',
    ansprechpartner_name: 'Max Beispiel',
    angebot_pdf_url: 'https://campus.example.com/angebot/a1.pdf',
    annahme_link: 'https://campus.example.com/angebot/a1/annehmen',
    laufzeit_monate: 12,
    teilnehmer_anzahl: 25,
  },
  follow_up_1: followUp,
  follow_up_2: followUp,
  follow_up_3: followUp,
  zertifikat: {
    teilnehmer_name: 'Erika Muster',
    produkt_name: 'Datenschutz kompakt',
    zertifikat_nr: 'Z-2024-000123',
    abschluss_datum: '2024-06-03T12:00:00Z',
    sha256: 'a'.repeat(64),
    pruef_url: 'https://campus.example.com/zertifikate/Z-2024-000123',
  },
  magic_code: { code: 'AB12CD34', gueltig_minuten: 15 },
  paypal_freigabe: {
    kunde_name: 'Erika Muster',
    freigabe_link: 'https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=BA-1',
    vertrag_nr: 'V-1001',
  },
  ebook_kauf: {
    kunde_name: 'Max Mustermann',
    produkt_name: 'E-Book Agiles Arbeiten',
    rechnung_nr: 'RE1001',
    download_link: ebookLink,
    link_gueltig_bis: '2024-07-31T22:00:00.000Z',
    betrag: 20,
  },
};

// The same with only the required vars.
const MINIMAL: { [K in MailTemplateName]: MailTemplateVars[K] } = {
  mahnung_1: { rechnung_nr: 'R-1', betrag: 10, faellig_am: '2024-05-15' },
  mahnung_2: { rechnung_nr: 'R-1', betrag: 10, faellig_am: '2024-05-15' },
  mahnung_3: { rechnung_nr: 'R-1', betrag: 10, faellig_am: '2024-05-15' },
  zahlung_fehlgeschlagen: { betrag: 10 },
  angebot_initial: {
    firma_name: 'Muster GmbH',
    ansprechpartner_name: 'Max Beispiel',
    angebot_pdf_url: 'https://campus.example.com/a.pdf',
    annahme_link: 'https://campus.example.com/ok',
  },
  follow_up_1: { firma_name: 'Muster GmbH', annahme_link: 'https://campus.example.com/ok' },
  follow_up_2: { firma_name: 'Muster GmbH', annahme_link: 'https://campus.example.com/ok' },
  follow_up_3: { firma_name: 'Muster GmbH', annahme_link: 'https://campus.example.com/ok' },
  zertifikat: {
    teilnehmer_name: 'Erika Muster',
    produkt_name: 'Datenschutz kompakt',
    zertifikat_nr: 'Z-1',
    abschluss_datum: '2024-06-03',
    sha256: 'b'.repeat(64),
    pruef_url: 'https://campus.example.com/zertifikate/Z-1',
  },
  magic_code: { code: 'AB12CD34' },
  paypal_freigabe: { freigabe_link: 'https://www.paypal.com/x', vertrag_nr: 'V-1' },
  ebook_kauf: {
    produkt_name: 'E-Book Agiles Arbeiten',
    rechnung_nr: 'RE1',
    download_link: 'https://campus.example/e.pdf?expires=1&signature=x',
    link_gueltig_bis: '2024-07-31',
  },
};

// What a reader must find in the mail, formatted as shown.
const SHOWN: Record<MailTemplateName, string[]> = {
  mahnung_1: ['R-2024-0042', '1.234,50 €', '15.05.2024', 'Erika Muster', mahnung.zahlungslink],
  mahnung_2: ['R-2024-0042', '1.234,50 €', '15.05.2024', 'Erika Muster', mahnung.zahlungslink],
  mahnung_3: ['R-2024-0042', '1.234,50 €', '15.05.2024', 'Erika Muster', mahnung.zahlungslink],
  zahlung_fehlgeschlagen: ['49,00 €', 'PayPal', 'R-2024-0043', 'Erika Muster'],
  angebot_initial: [
    'Muster GmbH',
    'Max Beispiel',
    'https://campus.example.com/angebot/a1.pdf',
    'https://campus.example.com/angebot/a1/annehmen',
    '12 Monate',
    '25',
  ],
  follow_up_1: ['Muster GmbH', 'Max Beispiel', followUp.annahme_link],
  follow_up_2: ['Muster GmbH', 'Max Beispiel', followUp.annahme_link],
  follow_up_3: ['Muster GmbH', 'Max Beispiel', followUp.annahme_link],
  zertifikat: [
    'Erika Muster',
    'Datenschutz kompakt',
    'Z-2024-000123',
    '03.06.2024',
    'a'.repeat(64),
    'https://campus.example.com/zertifikate/Z-2024-000123',
  ],
  magic_code: ['AB12CD34', '15 Minuten'],
  paypal_freigabe: [
    'Erika Muster',
    'V-1001',
    'https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=BA-1',
  ],
  ebook_kauf: [
    'Max Mustermann',
    'E-Book Agiles Arbeiten',
    'RE1001',
    ebookLink,
    // When the link expires, in German time.
    'bis zum 01.08.2024 um 00:00 Uhr',
    '20,00 €',
  ],
};

const BROKEN = /undefined|NaN|\[object|null/;
const INFORMAL = /\b(du|dich|dir|dein\w*|euch|euer)\b/i;

describe.each(MAIL_TEMPLATES)('template %s', (template) => {
  it('shows its vars in the text and, escaped, in the HTML', () => {
    const mail = renderMail(template, FULL[template]);
    for (const value of SHOWN[template]) {
      expect(mail.text).toContain(value);
      expect(mail.html).toContain(escapeHtml(value));
    }
  });

  it('renders nothing broken, with all vars and with only the required ones', () => {
    for (const vars of [FULL[template], MINIMAL[template]]) {
      const mail = renderMail(template, vars);
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part.length).toBeGreaterThan(0);
        expect(part).not.toMatch(BROKEN);
      }
    }
  });

  it('is polite German signed by the Campus team, in the shared layout', () => {
    const mail = renderMail(template, FULL[template]);
    expect(mail.text).toMatch(/^(Guten Tag|Sehr geehrte)/);
    expect(mail.text).toMatch(/Mit freundlichen Grüßen\nIhr Campus-Team\n$/);
    expect(mail.text).not.toMatch(INFORMAL);
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(mail.html).toContain('Ihr Campus-Team');
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
  });
});

describe('renderMail', () => {
  it('rises in firmness from Zahlungserinnerung to letzte Mahnung', () => {
    const subjects = (['mahnung_1', 'mahnung_2', 'mahnung_3'] as const).map(
      (t) => renderMail(t, mahnung).subject,
    );
    expect(subjects).toEqual([
      'Zahlungserinnerung zur Rechnung R-2024-0042',
      '1. Mahnung zur Rechnung R-2024-0042',
      'Letzte Mahnung zur Rechnung R-2024-0042',
    ]);
    expect(renderMail('mahnung_3', mahnung).text).toContain('Dies ist unsere letzte Mahnung.');
  });

  it('tells the e-book buyer until when the download link works, to the minute or the day', () => {
    const at = renderMail('ebook_kauf', {
      ...FULL.ebook_kauf,
      link_gueltig_bis: '2024-07-31T12:05:00.000Z',
    });
    expect(at.text).toContain('Der Link ist bis zum 31.07.2024 um 14:05 Uhr gültig');
    expect(at.subject).toBe('Ihr E-Book „E-Book Agiles Arbeiten“ und Ihre Rechnung RE1001');
    const day = renderMail('ebook_kauf', MINIMAL.ebook_kauf);
    expect(day.text).toContain('Der Link ist bis einschließlich 31.07.2024 gültig');
    expect(day.text).not.toContain('Rechnungsbetrag');
  });

  it('greets formally when no name is known', () => {
    expect(renderMail('mahnung_1', MINIMAL.mahnung_1).text).toMatch(
      /^Sehr geehrte Damen und Herren,\n/,
    );
  });

  it('escapes a hostile firma_name in the HTML and keeps it verbatim in text and subject', () => {
    const firma = `<script>alert("x")</script><img src=x onerror='y'> & Co`;
    const mail = renderMail('angebot_initial', { ...FULL.angebot_initial, firma_name: firma });
    expect(mail.subject).toBe(`Ihr Angebot für ${firma}`);
    expect(mail.text).toContain(firma);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; Co',
    );
  });

  it('keeps a link with a quote inside its href attribute', () => {
    const link = 'https://campus.example.com/ok?a="><script>';
    const mail = renderMail('follow_up_1', { ...followUp, annahme_link: link });
    expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
    expect(mail.html).not.toContain('"><script>');
  });

  it('fails for good when a required var is missing', () => {
    const vars = {
      betrag: 10,
      faellig_am: '2024-05-15',
    } as unknown as MailTemplateVars['mahnung_1'];
    const render = () => renderMail('mahnung_1', vars);
    expect(render).toThrow(MailTemplateError);
    expect(render).toThrow(NonRetriableError);
    expect(render).toThrow(/mahnung_1 needs vars\.rechnung_nr/);
  });

  it('refuses an amount that is not a number instead of printing NaN', () => {
    const vars = { ...mahnung, betrag: '12,50' } as unknown as MailTemplateVars['mahnung_2'];
    expect(() => renderMail('mahnung_2', vars)).toThrow(/vars\.betrag as a finite number/);
  });

  it('refuses a link that is not http(s)', () => {
    const render = () =>
      renderMail('paypal_freigabe', { vertrag_nr: 'V-1', freigabe_link: 'javascript:alert(1)' });
    expect(render).toThrow(/got a javascript: URL/);
  });

  it('refuses an unknown template name from job data', () => {
    const render = () => renderMail('mahnung_4' as MailTemplateName, MINIMAL.mahnung_1);
    expect(render).toThrow(/Unknown mail template "mahnung_4"/);
  });
});
