import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_SECRETS } from '@campus/config';
import { ingest, type EventJobData } from '@campus/events';
import { readFixture } from '@campus/testing';
import { senderHeaders, senderQuery } from '@campus/webhook-auth';

/** What the body of every benchmark webhook is close to: ~1.5 KB, as the issue asks. */
export const TARGET_BODY_BYTES = 1536;

/** `<salt 6>-<thread 2>-<counter 9>`: the part of each body that makes it unique. */
export const ID_WIDTH = 6 + 1 + 2 + 1 + 9;
const ID_MARK = 'X'.repeat(ID_WIDTH);

/** The unique part of one body: a run salt, the load generator's thread, a counter. */
export function bodyId(salt: string, thread: number, counter: number): string {
  return `${salt.padStart(6, '0').slice(-6)}-${String(thread).padStart(2, '0')}-${String(counter).padStart(9, '0')}`;
}

/** A salt no earlier load run of this process used (so no receiver sees a body twice). */
let salts = 0;
export function freshSalt(): string {
  salts += 1;
  return ((Date.now() % 1e6) * 100 + salts).toString(36).slice(-6);
}

export interface Workload {
  /** `/webhooks/fakturia?token=…`: Fakturia's only credential is in the URL. */
  path: string;
  headers: Record<string, string>;
  /** The body around its unique id: `head + id + tail`. */
  head: string;
  tail: string;
  bodyBytes: number;
}

/**
 * A Fakturia INVOICE_CREATED webhook (fixtures/fakturia/INVOICE_CREATED.json)
 * with six invoice lines, padded to ~1.5 KB. The unique id is in the invoice
 * number, which is part of the payload and so of the event key
 * (fakturiaEventKey: eventType, triggerDate, payload): every body is a new
 * event, never the receiver's cheaper duplicate path.
 */
export function fakturiaWorkload(): Workload {
  const fixture = JSON.parse(readFixture('fakturia/INVOICE_CREATED.json')) as {
    payload: { invoice: Record<string, unknown> & { items: Record<string, unknown>[] } };
  };
  const invoice = fixture.payload.invoice;
  const line = invoice.items[0]!;
  const courses = [
    'Projektmanagement',
    'Agiles Arbeiten',
    'Datenschutz',
    'Führung',
    'Zeitmanagement',
    'Präsentieren',
  ];
  const build = (padding: number) => {
    const body = {
      ...fixture,
      payload: {
        invoice: {
          ...invoice,
          invoiceNumber: `RE-${ID_MARK}`,
          amountNet: 504.18,
          amountGross: 600.0,
          amountOpen: 600.0,
          items: courses.map((course, i) => ({
            ...line,
            itemNumber: `KURS-${i + 1}`,
            description: `Online-Kurs ${course}, Mai 2024`,
          })),
          customerReference: `Bestellung Weiterbildung 2024 ${'.'.repeat(padding)}`,
        },
      },
    };
    return JSON.stringify(body);
  };
  const unpadded = Buffer.byteLength(build(0));
  if (unpadded > TARGET_BODY_BYTES) throw new Error(`the unpadded body has ${unpadded} bytes`);
  const text = build(TARGET_BODY_BYTES - unpadded);
  const [head, tail] = text.split(ID_MARK) as [string, string];
  const credentials = { fakturiaToken: SANDBOX_SECRETS.FAKTURIA_WEBHOOK_TOKEN };
  return {
    path: `/webhooks/fakturia${senderQuery('fakturia', credentials)}`,
    headers: senderHeaders('fakturia', text, credentials),
    head,
    tail,
    bodyBytes: Buffer.byteLength(text),
  };
}

export function bodyOf(workload: Workload, id: string): string {
  return `${workload.head}${id}${workload.tail}`;
}

/**
 * The job the receiver makes of body `id`, through the same ingest; throws
 * unless the body is valid and routed (the receiver would answer 422).
 */
export function eventJobOf(workload: Workload, id: string): EventJobData {
  const ingested = ingest('fakturia', bodyOf(workload, id), {
    receivedAt: new Date().toISOString(),
    headers: { 'content-type': 'application/json' },
  });
  if (ingested.outcome !== 'routed')
    throw new Error(`the benchmark body does not validate: ${JSON.stringify(ingested)}`);
  return ingested.job;
}

/** Checks a sample of bodies: valid, routed to invoice-sync, each with its own event key. */
export function checkWorkload(workload: Workload): { eventKeys: number; queues: string[] } {
  const keys = new Set<string>();
  let queues: string[] = [];
  for (let i = 0; i < 200; i++) {
    const id = bodyId('check0', i % 3, i);
    const ingested = ingest('fakturia', bodyOf(workload, id), {
      receivedAt: new Date().toISOString(),
      headers: {},
    });
    if (ingested.outcome !== 'routed')
      throw new Error(`the benchmark body does not validate: ${JSON.stringify(ingested)}`);
    keys.add(ingested.eventKey);
    queues = ingested.queues;
  }
  if (keys.size !== 200) throw new Error('benchmark bodies share event keys');
  return { eventKeys: keys.size, queues };
}

/** The workload in a file for a load generator process (wrk's Lua, the autocannon child). */
export function writeWorkloadFile(workload: Workload): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'campus-bench-'));
  const file = join(dir, 'workload.txt');
  // One value a line (none contains a newline: the body is minified JSON).
  writeFileSync(file, [workload.path, workload.head, workload.tail].join('\n') + '\n');
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
