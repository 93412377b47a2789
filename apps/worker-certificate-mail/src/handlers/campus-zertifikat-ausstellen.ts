import { composeMail, sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { CertificateMailDeps } from '../deps.js';
import { prepareZertifikat } from '../prepare-zertifikat.js';

/**
 * `campus.zertifikat.ausstellen`: builds the PDF, checks the mail against
 * `mail_zertifikat_out` and sends it once per event (a retry after the send
 * returns the recorded outcome; a crash in between resends the identical mail
 * with the same Message-ID).
 */
export function handleCampusZertifikatAusstellen(
  deps: CertificateMailDeps,
): EventHandler<'campus.campus.zertifikat.ausstellen'> {
  return async (event, ctx) => {
    const request = event.data;
    const zertifikat = await prepareZertifikat(request, ctx.eventKey);
    if (zertifikat.simplified) {
      ctx.log.warn(
        { zertifikatNr: zertifikat.nummer },
        'Zertifikat printed with simplified letters: the fonts lack an accent of the name or course',
      );
    }
    const mail = composeMail('zertifikat', {
      to: request.teilnehmer.email,
      vars: {
        teilnehmer_name: zertifikat.teilnehmerName,
        produkt_name: request.produkt_name,
        zertifikat_nr: zertifikat.nummer,
        abschluss_datum: request.abschluss_datum,
      },
      attachments: [
        {
          filename: zertifikat.filename,
          content: Buffer.from(zertifikat.pdf),
          contentType: 'application/pdf',
        },
      ],
    });
    const sent = await sendOnce(ctx, deps, mail);
    ctx.log.info(
      { zertifikatNr: zertifikat.nummer, sha256: zertifikat.sha256, messageId: sent.messageId },
      'Zertifikat mailed',
    );
    return {
      zertifikatNr: zertifikat.nummer,
      sha256: zertifikat.sha256,
      messageId: sent.messageId,
    };
  };
}
