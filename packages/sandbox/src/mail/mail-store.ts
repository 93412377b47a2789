import { createHash } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import type { Clock } from '../clock.js';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

export interface StoredMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope: who the client said it sends from and to. */
  envelope: { from: string; to: string[] };
  from: string[];
  to: string[];
  cc: string[];
  subject: string;
  messageId: string | undefined;
  text: string | undefined;
  html: string | undefined;
  attachments: StoredAttachment[];
}

const MAX_MAILS = 1000;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value.flatMap((a) => (a.address ? [a.address] : [])));
}

/** Every mail the SMTP sink received, oldest first. */
export class MailStore {
  private mails: StoredMail[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  add(parsed: ParsedMail, envelope: StoredMail['envelope']): StoredMail {
    const mail: StoredMail = {
      id: String(++this.seq),
      receivedAt: new Date(this.clock.now()).toISOString(),
      envelope,
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      subject: parsed.subject ?? '',
      messageId: parsed.messageId,
      text: parsed.text,
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      attachments: parsed.attachments.map((a, index) => ({
        filename: a.filename ?? `anhang-${index + 1}`,
        contentType: a.contentType,
        size: a.content.length,
        sha256: createHash('sha256').update(a.content).digest('hex'),
        content: a.content,
      })),
    };
    this.mails.push(mail);
    if (this.mails.length > MAX_MAILS) this.mails.splice(0, this.mails.length - MAX_MAILS);
    return mail;
  }

  list(): readonly StoredMail[] {
    return this.mails;
  }

  get(id: string): StoredMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  clear(): void {
    this.mails = [];
  }
}

/** A mail as `GET /_control/mail` shows it: attachments described, not inlined. */
export function mailToJson(mail: StoredMail) {
  return {
    ...mail,
    attachments: mail.attachments.map(({ filename, contentType, size, sha256 }) => ({
      filename,
      contentType,
      size,
      sha256,
    })),
  };
}
