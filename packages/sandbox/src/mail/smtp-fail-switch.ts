export const SMTP_FAIL_MODES = ['refuse', 'temporary', 'permanent', 'hold'] as const;
/**
 * How the SMTP sink fails:
 * - `refuse`: open connections are closed when armed (a restarting server) and each new one
 *   is greeted with 421 and closed; one connection is one count.
 * - `temporary`: the message is read, then answered 451 (try again later) and not kept.
 * - `permanent`: the message is read, then answered 554 (refused for good) and not kept.
 * - `hold`: the message is read and its answer withheld until the switch is cleared (then 250,
 *   and it is kept); a client that hangs up before that leaves nothing behind.
 */
export type SmtpFailMode = (typeof SMTP_FAIL_MODES)[number];

export interface SmtpFailStatus {
  mode: SmtpFailMode | null;
  /** Connections (`refuse`) or messages (the others) still to fail; null: until cleared. */
  remaining: number | null;
  /** Messages whose answer is withheld right now. */
  held: number;
  /** How often each mode acted since the last reset, cleared or not. */
  applied: Record<SmtpFailMode, number>;
}

/** What the switch needs of the SMTP server it steers. */
export interface SmtpConnections {
  /** Closes every open connection without an answer. */
  closeAll(): void;
  /** Closes the connection of one session without an answer. */
  close(sessionId: string): void;
}

/** Where in a session the sink asks the switch: a new connection, or a message read in full. */
export type SmtpStage = 'connect' | 'data';

const STAGE_OF: Record<SmtpFailMode, SmtpStage> = {
  refuse: 'connect',
  temporary: 'data',
  permanent: 'data',
  hold: 'data',
};

const noConnections: SmtpConnections = { closeAll() {}, close() {} };

/**
 * The SMTP sink's failure knob, in the spirit of the HTTP stand-ins' FaultInjector:
 * armed for the next `count` connections or messages, or until cleared.
 */
export class SmtpFailSwitch {
  private mode: SmtpFailMode | null = null;
  private remaining: number | null = null;
  private applied = zeroCounts();
  /** Withheld answers by session id: calling one answers 250 and keeps the mail. */
  private readonly held = new Map<string, () => void>();
  private connections = noConnections;

  /** Called once by the SMTP sink the switch steers. */
  attach(connections: SmtpConnections): void {
    this.connections = connections;
  }

  /** Arms `mode` for the next `count` connections or messages; without a count, until cleared. */
  arm(mode: SmtpFailMode, count?: number): SmtpFailStatus {
    this.mode = count === 0 ? null : mode;
    this.remaining = count === undefined || count === 0 ? null : count;
    if (this.mode === 'refuse') this.connections.closeAll();
    return this.status();
  }

  /** Disarms and answers every withheld message 250, so those mails are kept. */
  clear(): SmtpFailStatus {
    this.disarm();
    const answers = [...this.held.values()];
    this.held.clear();
    for (const answer of answers) answer();
    return this.status();
  }

  /** Disarms, forgets the counts and hangs up on every withheld message (nothing is kept). */
  reset(): void {
    this.disarm();
    this.applied = zeroCounts();
    const sessions = [...this.held.keys()];
    this.held.clear();
    for (const id of sessions) this.connections.close(id);
  }

  status(): SmtpFailStatus {
    return {
      mode: this.mode,
      remaining: this.mode === null ? null : this.remaining,
      held: this.held.size,
      applied: { ...this.applied },
    };
  }

  /** The mode a connection or message at `stage` meets, counted as applied; undefined: it passes. */
  take(stage: SmtpStage): SmtpFailMode | undefined {
    const mode = this.mode;
    if (mode === null || STAGE_OF[mode] !== stage) return undefined;
    this.applied[mode] += 1;
    if (this.remaining !== null) {
      this.remaining -= 1;
      if (this.remaining === 0) this.disarm();
    }
    return mode;
  }

  /** Withholds the answer of the message in `sessionId` until clear(); `answer` sends it. */
  hold(sessionId: string, answer: () => void): void {
    this.held.set(sessionId, answer);
  }

  /** The client of `sessionId` went away: its withheld message, if any, is dropped. */
  abandon(sessionId: string): void {
    this.held.delete(sessionId);
  }

  private disarm(): void {
    this.mode = null;
    this.remaining = null;
  }
}

function zeroCounts(): Record<SmtpFailMode, number> {
  return { refuse: 0, temporary: 0, permanent: 0, hold: 0 };
}
