/**
 * `POST /v1/vouchers/{id}/files`, "Upload a File to a Voucher", as
 * https://developers.lexware.io/docs/ (Vouchers and Files Endpoints)
 * describes it: `multipart/form-data` with the file in the part `file`;
 * voucher files are pdf, jpg, png or xml of at most 5 MB; invalid contents
 * are refused with 406 (legacy error); 202 with the file's id. A live
 * account wants no `type` part here (unlike `POST /v1/files`) and answers
 * `{id}` alone (github.com/benethos-hub/lexware-office-mcp, client.py
 * `attach_file`).
 *
 * Sandbox decisions, not verified at Lexoffice: the type is judged by the
 * file's first bytes; a missing part is a 406 `missing_entity` (the docs give
 * `POST /v1/files` a 500 for it); the same content attached twice to one
 * voucher keeps its first id (Lexoffice de-duplicates `/v1/files` uploads by
 * checksum; for this sub-resource it is assumed).
 */
import { createHash } from 'node:crypto';
import { issue, type LexofficeIssue } from './lexoffice-errors.js';

export const MAX_VOUCHER_FILE_BYTES = 5 * 1024 * 1024;

/** What the request log keeps of a multipart body instead of its bytes. */
export interface PartSummary {
  name: string;
  fileName?: string;
  contentType?: string;
  size: number;
  sha256?: string;
}

export interface UploadedFile {
  fileName: string;
  contentType: string;
  data: Buffer;
  sha256: string;
}

const SIGNATURES: { type: string; test: (data: Buffer) => boolean }[] = [
  { type: 'application/pdf', test: (d) => d.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    test: (d) => d.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  { type: 'image/jpeg', test: (d) => d.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  {
    type: 'application/xml',
    test: (d) => /^\s*<\?xml|^\s*</.test(d.subarray(0, 64).toString('utf8')),
  },
];

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The form's parts, read with the platform's own multipart parser. */
export async function readMultipart(raw: Buffer, contentType: string) {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const parts: { name: string; value: NonNullable<ReturnType<FormData['get']>> }[] = [];
  form.forEach((value, name) => parts.push({ name, value }));
  const summary: PartSummary[] = [];
  for (const { name, value } of parts) {
    if (typeof value === 'string') summary.push({ name, size: Buffer.byteLength(value) });
    else {
      const data = Buffer.from(await value.arrayBuffer());
      summary.push({
        name,
        fileName: value.name,
        contentType: value.type,
        size: data.length,
        sha256: sha256(data),
      });
    }
  }
  return { form, summary };
}

/** The uploaded voucher file, or the issues Lexoffice would answer with. */
export async function voucherFileOf(form: FormData): Promise<UploadedFile | LexofficeIssue[]> {
  const part = form.get('file');
  if (part === null || typeof part === 'string') return [issue('missing_entity', 'file')];
  const data = Buffer.from(await part.arrayBuffer());
  if (data.length === 0) return [issue('missing_entity', 'file')];
  if (data.length > MAX_VOUCHER_FILE_BYTES) return [issue('invalid_value', 'file.size')];
  const kind = SIGNATURES.find((s) => s.test(data));
  if (!kind) return [issue('invalid_value', 'file.type')];
  return { fileName: part.name || 'upload', contentType: kind.type, data, sha256: sha256(data) };
}
