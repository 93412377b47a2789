import type { PaypalPayments, PaypalSaleRecord } from '@campus/customer-directory';
import type { RedisClient } from '@campus/queues';
import type { Mahnung } from './mahnung.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// As long as the payments ledger keeps the sale.
const CLAIM_TTL_SECONDS = 400 * 24 * 60 * 60;
// Cents: amounts arrive as decimal strings from two systems.
const TOLERANCE = 0.005;

/**
 * Whether PayPal sale `sale` can be the payment of the dunned invoice:
 * - it is a payment of the invoice's contract (`invoice.contractNumber`;
 *   `salesOf` already picked the contract's sales),
 * - what is left of it after refunds and reversals covers the open amount,
 * - in the invoice's currency, where both name one,
 * - and it was made no more than `leadDays` before the invoice's date (an
 *   older payment paid an earlier invoice). Without an invoice date any
 *   payment of the contract may.
 */
export function saleCoversInvoice(
  sale: PaypalSaleRecord,
  mahnung: Pick<Mahnung, 'amount' | 'invoiceDate' | 'currency'>,
  leadDays: number,
): boolean {
  if (sale.net + TOLERANCE < mahnung.amount) return false;
  if (
    sale.currency !== undefined &&
    mahnung.currency !== undefined &&
    sale.currency.toUpperCase() !== mahnung.currency.toUpperCase()
  ) {
    return false;
  }
  const invoiceDay =
    mahnung.invoiceDate === undefined ? NaN : Date.parse(mahnung.invoiceDate.slice(0, 10));
  if (Number.isNaN(invoiceDay)) return true;
  const paid = sale.paidAt === undefined ? NaN : Date.parse(sale.paidAt);
  return !Number.isNaN(paid) && paid >= invoiceDay - leadDays * DAY_MS;
}

/** A Mahnung held back by a PayPal payment, kept with the sale so a refund can send it. */
export interface HeldMahnung {
  invoiceNumber: string;
  mahnung: Mahnung;
  heldAt: string;
  /** Set once a refund or reversal released it: the sale holds back nothing after that. */
  released?: string;
}

// A sale is claimed for one invoice: free, or already this invoice's (a later
// level replaces the held letter). Released claims are spent.
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then
  local held = cjson.decode(current)
  if held.invoiceNumber ~= ARGV[1] or held.released then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
`;

// Marks the held letter released and answers it, once.
const RELEASE = `
local current = redis.call('GET', KEYS[1])
if not current then return false end
local held = cjson.decode(current)
if held.released then return false end
held.released = ARGV[1]
redis.call('SET', KEYS[1], cjson.encode(held), 'KEEPTTL')
return current
`;

/**
 * Which PayPal payment holds back which Mahnung. A payment counts for one
 * invoice only: the first Mahnung it covers claims it (SET-if-free in one
 * script, so two invoices of a contract never share one payment), and the
 * held letter is kept with the claim until a refund or reversal of the
 * payment releases it to be sent.
 */
export function createPaypalCover(
  redis: RedisClient,
  prefix: string,
  payments: PaypalPayments,
  options: { leadDays: number },
) {
  const claimKey = (saleId: string) => `${prefix}:paypal-sale-claim:${saleId}`;
  return {
    /** The sale that holds this Mahnung back (now claimed for its invoice), or undefined: send it. */
    async hold(mahnung: Mahnung, now = new Date()): Promise<PaypalSaleRecord | undefined> {
      if (mahnung.contractNumber === undefined) return undefined;
      const sales = await payments.salesOf(mahnung.contractNumber);
      for (const sale of sales) {
        if (!saleCoversInvoice(sale, mahnung, options.leadDays)) continue;
        const held: HeldMahnung = {
          invoiceNumber: mahnung.invoiceNumber,
          mahnung,
          heldAt: now.toISOString(),
        };
        const claimed = (await redis.eval(
          CLAIM,
          1,
          claimKey(sale.saleId),
          mahnung.invoiceNumber,
          JSON.stringify(held),
          CLAIM_TTL_SECONDS,
        )) as number;
        if (claimed === 1) return sale;
      }
      return undefined;
    },

    /** The Mahnung the sale holds back, if any and not released yet. */
    async heldBy(saleId: string): Promise<HeldMahnung | undefined> {
      const value = await redis.get(claimKey(saleId));
      const held = value === null ? undefined : (JSON.parse(value) as HeldMahnung);
      return held?.released === undefined ? held : undefined;
    },

    /** Releases the held Mahnung (once: a second caller gets undefined). */
    async release(saleId: string, by: string): Promise<HeldMahnung | undefined> {
      const value = (await redis.eval(RELEASE, 1, claimKey(saleId), by)) as string | null;
      return value === null ? undefined : (JSON.parse(value) as HeldMahnung);
    },
  };
}

export type PaypalCover = ReturnType<typeof createPaypalCover>;
