import { sandboxControl } from '../control/control-client.js';
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
  const { control } = sandboxControl(sandboxUrl);
  return {
    arm: (mode, count) => control<SmtpFailStatus>('POST', '/mail/fail', { mode, count }),
    clear: () => control<SmtpFailStatus>('DELETE', '/mail/fail'),
    status: () => control<SmtpFailStatus>('GET', '/mail/fail'),
  };
}
