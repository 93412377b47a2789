import type { RedisClient } from '@campus/queues';
import { certificateIdentity, participantKey, type CertificateIdentity } from './identity.js';
import { randomNummer } from './nummer.js';

/** A certificate as the registry keeps it: what the verification page confirms. No e-mail address. */
export interface ZertifikatEntry {
  nummer: string;
  teilnehmerName: string;
  kurs: string;
  /** `2026-03-14` */
  abschlussDatum: string;
  /** The day it was first issued (`2026-03-20`), printed on the PDF. */
  ausgestelltAm: string;
  /** Lower-case hex of the PDF, once it was built; absent while the first issue is under way. */
  sha256?: string;
  /** When its mail went out; a request for a certificate already mailed sends nothing. */
  mailedAt?: string;
}

export interface IssueRequest extends CertificateIdentity {
  teilnehmerName: string;
  /** The issue date a new certificate gets; an existing one keeps its own. */
  ausgestelltAm: string;
}

export interface RegistryOptions {
  /** A new candidate number for a completion year (tests make collisions with it). */
  candidate?: (year: string) => string;
  /** Candidates tried before issuing gives up. */
  maxCandidates?: number;
}

/** Every candidate number was taken: practically impossible unless the number space is nearly full. */
export class NummerExhaustedError extends Error {
  override name = 'NummerExhaustedError';
  constructor(year: string, tries: number, options?: ErrorOptions) {
    super(
      `${tries} candidate certificate numbers for ${year} in a row were taken already; ` +
        'the job retries with new ones. If this repeats, the number space of the year is filling up: lengthen the numbers (packages/certificate-registry/src/nummer.ts).',
      options,
    );
  }
}

// One hash tag for every key: the scripts below touch several keys, and in a
// Redis Cluster they must share a slot.
const TAG = '{zertifikat}';

// Reserves the candidate (SET NX semantics on the number's hash) and the
// identity in one step: a second request for the same certificate finds the
// first one's number, and a number once given is never given again.
const ISSUE = `
local existing = redis.call('GET', KEYS[1])
if existing then return {'existing', existing} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'collision', ARGV[1]} end
redis.call('HSET', KEYS[2], 'identity', ARGV[2], 'name', ARGV[3], 'kurs', ARGV[4],
  'abschluss', ARGV[5], 'ausgestellt', ARGV[6], 'participant', ARGV[7])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return {'new', ARGV[1]}
`;

// The PDF's hash may change until the mail went out (a new build of the
// worker between two attempts); after that it is what the participant holds.
const RECORD_PDF = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if redis.call('HEXISTS', KEYS[1], 'mailed') == 0 then redis.call('HSET', KEYS[1], 'sha256', ARGV[1]) end
return redis.call('HGET', KEYS[1], 'sha256')
`;

/**
 * The certificate registry in Redis: number → participant name, course,
 * completion date, issue date and the PDF's sha256, kept without expiry
 * (certificates are verified years later), with an index by participant
 * (the sha256 of the address) so a deletion request erases them. The
 * certificate-mail worker issues, the receiver's page reads, order-to-customer
 * erases.
 */
export function createCertificateRegistry(
  redis: RedisClient,
  prefix: string,
  options: RegistryOptions = {},
) {
  const keys = {
    nummer: (nummer: string) => `${prefix}:${TAG}:nummer:${nummer}`,
    identity: (identity: string) => `${prefix}:${TAG}:identity:${identity}`,
    participant: (participant: string) => `${prefix}:${TAG}:participant:${participant}`,
  };
  const candidate = options.candidate ?? randomNummer;
  const maxCandidates = options.maxCandidates ?? 8;

  async function read(nummer: string): Promise<ZertifikatEntry | undefined> {
    const fields = await redis.hgetall(keys.nummer(nummer));
    if (fields.name === undefined || fields.erased !== undefined) return undefined;
    return {
      nummer,
      teilnehmerName: fields.name,
      kurs: fields.kurs ?? '',
      abschlussDatum: fields.abschluss ?? '',
      ausgestelltAm: fields.ausgestellt ?? '',
      ...(fields.sha256 === undefined ? {} : { sha256: fields.sha256 }),
      ...(fields.mailed === undefined ? {} : { mailedAt: fields.mailed }),
    };
  }

  return {
    /**
     * The certificate for this participant, course and date: the existing one
     * (`created: false`, with its own name, issue date and number), or a new
     * one under a freshly reserved number. A candidate already taken is
     * detected and replaced, never shared.
     */
    async issue(request: IssueRequest): Promise<{ entry: ZertifikatEntry; created: boolean }> {
      const identity = certificateIdentity(request);
      const participant = participantKey(request.email);
      const year = request.abschlussDatum.slice(0, 4);
      for (let tries = 1; tries <= maxCandidates; tries++) {
        const nummer = candidate(year);
        const [outcome, found] = (await redis.eval(
          ISSUE,
          3,
          keys.identity(identity),
          keys.nummer(nummer),
          keys.participant(participant),
          nummer,
          identity,
          request.teilnehmerName,
          request.kurs,
          request.abschlussDatum,
          request.ausgestelltAm,
          participant,
        )) as [string, string];
        if (outcome === 'collision') continue;
        const entry = await read(found);
        if (entry === undefined) {
          throw new Error(
            `Certificate ${found} vanished from the registry while it was issued (erased at the same moment?); the job retries.`,
          );
        }
        return { entry, created: outcome === 'new' };
      }
      throw new NummerExhaustedError(year, maxCandidates);
    },

    /** Records the PDF's sha256 (until the mail went out); answers the hash the registry holds. */
    async recordPdf(nummer: string, sha256: string): Promise<string | undefined> {
      const held = (await redis.eval(RECORD_PDF, 1, keys.nummer(nummer), sha256)) as string | null;
      return held ?? undefined;
    },

    async markMailed(nummer: string, at: string): Promise<void> {
      await redis.hset(keys.nummer(nummer), 'mailed', at);
    },

    /** A certificate as the verification page shows it: only one that was issued (its PDF hashed) and not erased. */
    async find(nummer: string): Promise<ZertifikatEntry | undefined> {
      const entry = await read(nummer);
      return entry?.sha256 === undefined ? undefined : entry;
    },

    /**
     * Erases the participant's certificates (deletion request): name, course
     * and dates go; each number stays reserved as `erased`, so it is never
     * given to anyone else, and the page answers 404 for it. Answers how many
     * were erased; a second call finds none.
     */
    async eraseParticipant(email: string, at: string): Promise<number> {
      const participant = keys.participant(participantKey(email));
      const numbers = await redis.smembers(participant);
      for (const nummer of numbers) {
        const identity = await redis.hget(keys.nummer(nummer), 'identity');
        const tx = redis.multi();
        if (identity !== null) tx.del(keys.identity(identity));
        tx.del(keys.nummer(nummer));
        tx.hset(keys.nummer(nummer), 'erased', at);
        tx.srem(participant, nummer);
        await tx.exec();
      }
      return numbers.length;
    },
  };
}

export type CertificateRegistry = ReturnType<typeof createCertificateRegistry>;
