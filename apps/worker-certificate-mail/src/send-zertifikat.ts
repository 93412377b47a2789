import type { RoutedEventBodies } from '@campus/events';
import {
  deriveMessageId,
  mailSchemaFor,
  renderMail,
  validateMailContract,
  type Mailer,
  type ZertifikatVars,
} from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import { prepareZertifikat } from './prepare-zertifikat.js';

export interface ZertifikatMailDeps {
  mailer: Mailer;
  /** MAIL_FROM: the domain of the deterministic Message-ID. */
  from: string;
}

type ZertifikatJob = 'campus.campus.zertifikat.ausstellen';

/**
 * `campus.zertifikat.ausstellen`: builds the PDF, checks the mail against
 * `mail_zertifikat_out` and sends it once per event (a retry after the send
 * returns the recorded outcome; a crash in between resends the identical mail
 * with the same Message-ID).
 */
export function createZertifikatHandler(deps: ZertifikatMailDeps): EventHandler<ZertifikatJob> {
  return async (event: RoutedEventBodies[ZertifikatJob], ctx) => {
    const request = event.data;
    const zertifikat = await prepareZertifikat(request, ctx.eventKey);
    if (zertifikat.simplified) {
      ctx.log.warn(
        { zertifikatNr: zertifikat.nummer },
        'Zertifikat printed with simplified letters: the fonts lack an accent of the name or course',
      );
    }
    const vars: ZertifikatVars = {
      teilnehmer_name: zertifikat.teilnehmerName,
      produkt_name: request.produkt_name,
      zertifikat_nr: zertifikat.nummer,
      abschluss_datum: request.abschluss_datum,
    };
    const rendered = renderMail('zertifikat', vars);
    const to = request.teilnehmer.email;
    validateMailContract(mailSchemaFor('zertifikat'), {
      to,
      subject: rendered.subject,
      template: 'zertifikat',
      vars,
      anhang: { filename: zertifikat.filename, sha256: zertifikat.sha256 },
    });

    const sent = await ctx.once('mail', () =>
      deps.mailer.send({
        to,
        ...rendered,
        attachments: [
          {
            filename: zertifikat.filename,
            content: Buffer.from(zertifikat.pdf),
            contentType: 'application/pdf',
          },
        ],
        messageId: deriveMessageId(`${ctx.eventKey}/zertifikat`, deps.from),
        template: 'zertifikat',
      }),
    );
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
