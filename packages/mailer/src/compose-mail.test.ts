import { describe, expect, it } from 'vitest';
import { composeMail } from './compose-mail.js';
import { MailContractError, MailTemplateError } from './errors.js';
import { renderMail } from './render-mail.js';

const mahnung = { rechnung_nr: 'RE-2024-000042', betrag: 119, faellig_am: '2024-06-01' };
const zertifikat = {
  teilnehmer_name: 'Max Mustermann',
  produkt_name: 'Zertifikatskurs Projektmanagement',
  zertifikat_nr: 'ZK-2024-0001',
  abschluss_datum: '2024-06-28',
  sha256: 'a'.repeat(64),
  pruef_url: 'https://campus.example/zertifikate/ZK-2024-0001',
};
const pdf = {
  filename: 'Zertifikat-ZK-2024-0001.pdf',
  content: Buffer.from('%PDF-1.7 test'),
  contentType: 'application/pdf',
};

const ebook = {
  kunde_name: 'Max Mustermann',
  produkt_name: 'E-Book Agiles Arbeiten',
  rechnung_nr: 'RE1001',
  download_link:
    'https://campus.example/downloads/ebook-agiles-arbeiten.pdf?expires=1722463200&signature=uRk2hQ0mXQ5zNfJx0ShbQv7Vf2a2cKZkq3kqYwXl0Ys',
  link_gueltig_bis: '2024-07-31T22:00:00.000Z',
};
const invoicePdf = {
  filename: 'Rechnung-RE1001.pdf',
  content: Buffer.from('%PDF-1.7 invoice'),
  contentType: 'application/pdf',
};

describe('composeMail', () => {
  it('renders the template for the recipient', () => {
    const mail = composeMail('mahnung_2', { to: 'kunde@example.com', vars: mahnung });
    expect(mail).toEqual({
      to: 'kunde@example.com',
      template: 'mahnung_2',
      ...renderMail('mahnung_2', mahnung),
    });
  });

  it("checks the mail against its template's contract", () => {
    const { betrag: _betrag, ...withoutBetrag } = mahnung;
    expect(() =>
      composeMail('mahnung_1', {
        to: 'kunde@example.com',
        vars: withoutBetrag as unknown as typeof mahnung,
      }),
    ).toThrow(MailTemplateError);
    expect(() => composeMail('mahnung_1', { to: 'kunde@@example', vars: mahnung })).toThrow(
      MailContractError,
    );
  });

  it('checks a template without a seed contract for its recipient', () => {
    expect(() =>
      composeMail('magic_code', { to: 'not-an-address', vars: { code: 'AB12CD34' } }),
    ).toThrow(/\/to must match format "email"/);
  });

  it('passes the certificate contract with the PDF as its anhang and keeps the attachment', () => {
    const mail = composeMail('zertifikat', {
      to: 'max@example.com',
      vars: zertifikat,
      attachments: [pdf],
    });
    expect(mail.attachments).toEqual([pdf]);
  });

  it('refuses a certificate mail without its PDF: the contract requires the attachment', () => {
    expect(() => composeMail('zertifikat', { to: 'max@example.com', vars: zertifikat })).toThrow(
      "/anhang must have required property 'anhang'",
    );
  });

  it('passes the e-book contract with the invoice PDF and a signed, expiring link', () => {
    const mail = composeMail('ebook_kauf', {
      to: 'max@example.com',
      vars: ebook,
      attachments: [invoicePdf],
    });
    expect(mail.attachments).toEqual([invoicePdf]);
    expect(mail.subject).toBe('Ihr E-Book „E-Book Agiles Arbeiten“ und Ihre Rechnung RE1001');
  });

  it('refuses an e-book mail without the invoice, with an unsigned link or a stray file name', () => {
    const to = 'max@example.com';
    expect(() => composeMail('ebook_kauf', { to, vars: ebook })).toThrow(
      "/anhang must have required property 'anhang'",
    );
    const unsigned = { ...ebook, download_link: 'https://campus.example/e.pdf?expires=1722463200' };
    expect(() =>
      composeMail('ebook_kauf', { to, vars: unsigned, attachments: [invoicePdf] }),
    ).toThrow(/\/vars\/download_link must match pattern/);
    const renamed = { ...invoicePdf, filename: '../RE1001.pdf' };
    expect(() => composeMail('ebook_kauf', { to, vars: ebook, attachments: [renamed] })).toThrow(
      /\/anhang\/filename must match pattern/,
    );
  });
});
