import type { SmtpFailMode, SmtpFailStatus } from './smtp-fail-switch.js';

/** The SMTP sink's fail switch as a test drives it: over the sandbox's control API. */
export interface MailFailSwitchClient {
  /** Fails the next `count` connections (`refuse`) or messages; without a count, until cleared. */
  arm(mode: SmtpFailMode, count?: number): Promise<SmtpFailStatus>;
  /** Disarms; held messages are answered 250 and kept. */
  clear(): Promise<SmtpFailStatus>;
  status(): Promise<SmtpFailStatus>;
}

/** A client of `/_control/mail/fail` of the sandbox at `sandboxUrl` (its HTTP origin). */
export function mailFailSwitch(sandboxUrl: string): MailFailSwitchClient {
  const url = `${sandboxUrl}/_control/mail/fail`;
  const call = async (method: string, body?: object): Promise<SmtpFailStatus> => {
    const response = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      const message = `${method} ${url} answered ${response.status}: ${await response.text()}; check the mode and count`;
      throw Object.assign(new Error(message), { name: 'SandboxControlError' });
    }
    return (await response.json()) as SmtpFailStatus;
  };
  return {
    arm: (mode, count) => call('POST', { mode, count }),
    clear: () => call('DELETE'),
    status: () => call('GET'),
  };
}
