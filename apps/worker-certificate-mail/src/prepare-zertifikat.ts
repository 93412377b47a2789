import { createHash } from 'node:crypto';
import type { ZertifikatAusstellen } from '@campus/events';
import { zertifikatNummer } from './zertifikat-nummer.js';
import { buildZertifikatPdf } from './zertifikat-pdf.js';

export interface PreparedZertifikat {
  nummer: string;
  teilnehmerName: string;
  filename: string;
  pdf: Uint8Array;
  /** Lower-case hex, as `mail_zertifikat_out` wants it for `anhang.sha256`. */
  sha256: string;
  /** True when the PDF shows a name or course without an accent its fonts lack. */
  simplified: boolean;
}

/**
 * Everything the certificate mail carries, from the request and its event
 * key alone: the same request always gives the same number, PDF and sha256.
 */
export async function prepareZertifikat(
  request: ZertifikatAusstellen,
  eventKey: string,
): Promise<PreparedZertifikat> {
  const nummer = zertifikatNummer(eventKey, request.abschluss_datum);
  const teilnehmerName = `${request.teilnehmer.vorname.trim()} ${request.teilnehmer.nachname.trim()}`;
  const { bytes, simplified } = await buildZertifikatPdf({
    teilnehmerName,
    produktName: request.produkt_name,
    abschlussDatum: request.abschluss_datum,
    nummer,
  });
  return {
    nummer,
    teilnehmerName,
    filename: `Zertifikat-${nummer}.pdf`,
    pdf: bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    simplified,
  };
}
