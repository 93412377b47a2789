import type { StoredAttachment, StoredMail } from '../mail/mail-store.js';

/** A mail as the sandbox's `GET /_control/mail` shows it: attachments described, not inlined. */
export type SinkMail = Omit<StoredMail, 'attachments'> & {
  attachments: Omit<StoredAttachment, 'content'>[];
};

/** A call to the sandbox's control API that it refused. */
export class SandboxControlError extends Error {
  override name = 'SandboxControlError';
}

/** The sandbox as a test reads and steers it, over its HTTP control API (`/_control`, packages/sandbox/README.md). */
export interface SandboxControl {
  /** `/_control<path>`: JSON in, JSON out; e.g. `control('POST', '/lexoffice/fail', { count: 1 })`. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** Mails the SMTP sink received (to `address` only, if given), oldest first. */
  mails(address?: string): Promise<SinkMail[]>;
  /** The bytes of a received mail's attachment, as the inbox pages serve them. */
  attachment(mailId: string, index: number): Promise<Buffer>;
}

export function sandboxControl(sandboxUrl: string): SandboxControl {
  async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${sandboxUrl}/_control${path}`;
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new SandboxControlError(
        `${method} ${url} answered ${response.status}: ${text.slice(0, 300)}; check the path and body against packages/sandbox/README.md`,
      );
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  return {
    control,
    mails: (address) =>
      control<SinkMail[]>(
        'GET',
        address === undefined ? '/mail' : `/mail?to=${encodeURIComponent(address)}`,
      ),
    async attachment(mailId, index) {
      const url = `${sandboxUrl}/mail/${mailId}/attachments/${index}`;
      const response = await fetch(url);
      if (!response.ok) {
        throw new SandboxControlError(`GET ${url} answered ${response.status}: no such attachment`);
      }
      return Buffer.from(await response.arrayBuffer());
    },
  };
}
