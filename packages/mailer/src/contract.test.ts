import { describe, expect, it } from 'vitest';
import { NonRetriableError } from '@campus/errors';
import { mailSchemaFor, validateMailContract } from './contract.js';
import { MailContractError } from './errors.js';
import { MAIL_TEMPLATES, renderMail } from './render-mail.js';

const goodMahnung = {
  to: 'kunde@example.com',
  subject: 'Zahlungserinnerung zur Rechnung R-2024-0042',
  template: 'mahnung_1',
  vars: { rechnung_nr: 'R-2024-0042', betrag: 1234.5, faellig_am: '2024-05-15' },
};

function thrown(run: () => void): MailContractError {
  try {
    run();
  } catch (error) {
    if (error instanceof MailContractError) return error;
    throw error;
  }
  throw new Error('expected a MailContractError');
}

describe('validateMailContract', () => {
  it('accepts a good mahnung payload', () => {
    expect(() => validateMailContract('mail_mahnung_out', goodMahnung)).not.toThrow();
  });

  it('rejects a mahnung without betrag, naming the path, as a non-retriable error', () => {
    const { betrag: _betrag, ...vars } = goodMahnung.vars;
    const error = thrown(() => validateMailContract('mail_mahnung_out', { ...goodMahnung, vars }));
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error.name).toBe('MailContractError');
    expect(error.message).toContain('mail_mahnung_out');
    expect(error.message).toContain('/vars/betrag must have required property');
    expect(error.details).toContainEqual({
      path: '/vars/betrag',
      message: "must have required property 'betrag'",
    });
  });

  it('lists every violation: a level beyond 3 and a bad address', () => {
    const error = thrown(() =>
      validateMailContract('mail_mahnung_out', {
        ...goodMahnung,
        to: 'not-an-address',
        template: 'mahnung_4',
      }),
    );
    expect(error.message).toContain('/to must match format "email"');
    expect(error.message).toContain('/template must be equal to one of the allowed values');
    expect(error.message).not.toContain('not-an-address');
  });

  it('accepts an offer mail as renderMail builds it and rejects a PDF link that is no URI', () => {
    const vars = {
      firma_name: 'Muster GmbH',
      ansprechpartner_name: 'Max Beispiel',
      angebot_pdf_url: 'https://campus.example.com/angebot/a1.pdf',
      annahme_link: 'https://campus.example.com/angebot/a1/annehmen',
    };
    const payload = {
      to: 'max@muster.example',
      subject: renderMail('angebot_initial', vars).subject,
      template: 'angebot_initial',
      vars,
    };
    const schema = mailSchemaFor('angebot_initial');
    expect(() => validateMailContract(schema, payload)).not.toThrow();
    const bad = { ...payload, vars: { ...vars, angebot_pdf_url: 'angebot a1.pdf' } };
    expect(() => validateMailContract(schema, bad)).toThrow(
      /\/vars\/angebot_pdf_url must match format "uri"/,
    );
  });

  it('rejects a certificate mail without its attachment', () => {
    const error = thrown(() =>
      validateMailContract('mail_zertifikat_out', {
        to: 'teilnehmer@example.com',
        subject: 'Ihr Zertifikat',
        template: 'zertifikat',
        vars: { teilnehmer_name: 'Erika Muster', produkt_name: 'Kurs', zertifikat_nr: 'Z-1' },
      }),
    );
    expect(error.message).toContain('/anhang must have required property');
  });

  it('checks only the recipient for templates the seeds give no contract', () => {
    const payload = { to: 'kunde@example.com', subject: 'x', template: 'magic_code', vars: {} };
    expect(() => validateMailContract(null, payload)).not.toThrow();
    const error = thrown(() => validateMailContract(null, { ...payload, to: 'kunde@@example' }));
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error.message).toContain('/to must match format "email"');
    expect(() => validateMailContract(null, { ...payload, to: undefined })).toThrow(
      /\/to must have required property/,
    );
  });
});

describe('mailSchemaFor', () => {
  it('maps every template to its seed contract (or ours, in their style), or to none', () => {
    expect(Object.fromEntries(MAIL_TEMPLATES.map((t) => [t, mailSchemaFor(t)]))).toEqual({
      mahnung_1: 'mail_mahnung_out',
      mahnung_2: 'mail_mahnung_out',
      mahnung_3: 'mail_mahnung_out',
      zahlung_fehlgeschlagen: null,
      angebot_initial: 'mail_angebot_initial_out',
      follow_up_1: 'mail_follow_up_out',
      follow_up_2: 'mail_follow_up_out',
      follow_up_3: 'mail_follow_up_out',
      zertifikat: 'mail_zertifikat_out',
      magic_code: null,
      paypal_freigabe: null,
      ebook_kauf: 'mail_ebook_kauf_out',
    });
  });
});
