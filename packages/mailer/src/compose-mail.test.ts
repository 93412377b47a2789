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
});
