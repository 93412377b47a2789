import { createHash } from 'node:crypto';
import type { ZertifikatEntry } from '@campus/certificate-registry';
import { buildZertifikatPdf } from './zertifikat-pdf.js';

export interface PreparedZertifikat {
  filename: string;
  pdf: Uint8Array;
  /** Lower-case hex, as `mail_zertifikat_out` wants it for `anhang.sha256`. */
  sha256: string;
  /** The page that confirms the certificate. */
  pruefUrl: string;
}

/** `https://campus.example/zertifikate/Z-2026-7K3M9Q`: the receiver's verification page. */
export function pruefUrlOf(publicBaseUrl: string, nummer: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/zertifikate/${encodeURIComponent(nummer)}`;
}

/**
 * The PDF of a registered certificate and its sha256. Built from the
 * registry's entry alone (the name, course and issue date of its first
 * issue), so every build of the same certificate gives the same bytes.
 */
export async function prepareZertifikat(
  entry: ZertifikatEntry,
  publicBaseUrl: string,
): Promise<PreparedZertifikat> {
  const pruefUrl = pruefUrlOf(publicBaseUrl, entry.nummer);
  const pdf = await buildZertifikatPdf({
    teilnehmerName: entry.teilnehmerName,
    produktName: entry.kurs,
    abschlussDatum: entry.abschlussDatum,
    ausgestelltAm: entry.ausgestelltAm,
    nummer: entry.nummer,
    pruefUrl,
  });
  return {
    filename: `Zertifikat-${entry.nummer}.pdf`,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pruefUrl,
  };
}
