import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { CertificateMailDeps } from '../deps.js';
import { prepareZertifikat } from '../prepare-zertifikat.js';
import { berlinDay } from '../zertifikat-mail-once.js';

export interface ZertifikatOutcome {
  zertifikatNr: string;
  sha256: string;
  /** Set when this request found its certificate mailed already: nothing was sent. */
  alreadyMailed?: true;
  messageId?: string;
}

/**
 * `campus.zertifikat.ausstellen`: one certificate per participant (e-mail,
 * case-insensitive), course and completion date, whatever the event key.
 * The registry gives the request its certificate (a new number, or the one
 * issued before); the PDF is built from the registry's entry, its sha256
 * recorded, and the mail sent once per certificate. The same request again
 * (a new webhook-id) finds the certificate mailed and sends nothing.
 */
export function handleCampusZertifikatAusstellen(
  deps: CertificateMailDeps,
): EventHandler<'campus.campus.zertifikat.ausstellen'> {
  return async (event, ctx): Promise<ZertifikatOutcome> => {
    const request = event.data;
    const { entry, created } = await deps.registry.issue({
      email: request.teilnehmer.email,
      teilnehmerName: `${request.teilnehmer.vorname.trim()} ${request.teilnehmer.nachname.trim()}`,
      kurs: request.produkt_name,
      abschlussDatum: request.abschluss_datum,
      ausgestelltAm: berlinDay(deps.now()),
    });
    const log = ctx.log.child({ zertifikatNr: entry.nummer });
    if (entry.mailedAt !== undefined && entry.sha256 !== undefined) {
      log.info('the same certificate was requested again: it was mailed before, nothing sent');
      return { zertifikatNr: entry.nummer, sha256: entry.sha256, alreadyMailed: true };
    }
    if (!created) log.info('certificate issued before but not mailed yet: mailing it now');

    const zertifikat = await prepareZertifikat(entry, deps.publicBaseUrl);
    const recorded = await deps.registry.recordPdf(entry.nummer, zertifikat.sha256);
    if (recorded !== zertifikat.sha256) {
      // A parallel request mailed it between our read and now, with the hash it recorded.
      log.info('certificate mailed by a parallel request meanwhile: nothing sent');
      return {
        zertifikatNr: entry.nummer,
        sha256: recorded ?? zertifikat.sha256,
        alreadyMailed: true,
      };
    }
    const mail = composeMail('zertifikat', {
      to: request.teilnehmer.email,
      vars: {
        teilnehmer_name: entry.teilnehmerName,
        produkt_name: entry.kurs,
        zertifikat_nr: entry.nummer,
        abschluss_datum: entry.abschlussDatum,
        sha256: zertifikat.sha256,
        pruef_url: zertifikat.pruefUrl,
      },
      attachments: [
        {
          filename: zertifikat.filename,
          content: Buffer.from(zertifikat.pdf),
          contentType: 'application/pdf',
        },
      ],
    });
    const sent = await sendOnce(deps.mailOnce(entry.nummer), deps, mail);
    await deps.registry.markMailed(entry.nummer, sent.sentAt);
    log.info({ sha256: zertifikat.sha256, messageId: sent.messageId }, 'Zertifikat mailed');
    return { zertifikatNr: entry.nummer, sha256: zertifikat.sha256, messageId: sent.messageId };
  };
}
