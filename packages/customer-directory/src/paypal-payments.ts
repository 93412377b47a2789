import type { PaypalSaleReturn } from '@campus/events';
import type { RedisClient } from '@campus/queues';

const LEDGER_TTL_SECONDS = 400 * 24 * 60 * 60;

/** A payment PayPal reported (PAYMENT.SALE.COMPLETED), with what went back of it since. */
export interface PaypalSaleRecord {
  saleId: string;
  /** The Fakturia contract it pays; absent while only a return of the sale was seen. */
  contractNumber?: string;
  amount?: number;
  currency?: string;
  paidAt?: string;
  /** Refunds and reversals of the sale, each once (by its event). */
  returns: PaypalReturn[];
  /** The amount still paid: `amount` less every return; 0 once a return's amount is unknown. */
  net: number;
}

export interface PaypalReturn {
  /** The PayPal event that reported it: a redelivery records nothing new. */
  eventId: string;
  kind: 'refund' | 'reversal';
  /** Euros returned, positive; absent when PayPal named no amount (the whole sale counts as returned). */
  amount?: number;
  at: string;
}

export interface PaypalSale {
  saleId: string;
  contractNumber: string;
  amount: number;
  currency?: string;
  paidAt: string;
}

/** The sale a refund or reversal returns: `sale_id`, or (PayPal's reversal sample) the resource's own id. */
export function returnedSaleId(resource: PaypalSaleReturn): string {
  return resource.sale_id?.trim() || resource.id;
}

/**
 * PayPal payments by sale, written by invoice-sync from PAYMENT.SALE.COMPLETED,
 * REFUNDED and REVERSED and read by dunning-mail: a contract's payments that
 * still count (not refunded or reversed) hold back its Mahnungen. Order does
 * not matter: a return recorded before its sale makes the sale count for
 * nothing once it arrives. Kept 400 days, like the invoice ledger.
 */
export function createPaypalPayments(redis: RedisClient, prefix: string) {
  const saleKey = (saleId: string) => `${prefix}:paypal-sale:${saleId}`;
  const contractKey = (contract: string) => `${prefix}:paypal-contract-sales:${contract}`;

  async function read(saleId: string): Promise<PaypalSaleRecord | undefined> {
    const fields = await redis.hgetall(saleKey(saleId));
    if (Object.keys(fields).length === 0) return undefined;
    const returns = Object.entries(fields)
      .filter(([field]) => field.startsWith('return:'))
      .map(([, value]) => JSON.parse(value) as PaypalReturn)
      .sort((a, b) => a.at.localeCompare(b.at));
    const amount = fields.amount === undefined ? undefined : Number(fields.amount);
    const unknownReturn = returns.some((r) => r.amount === undefined);
    const returned = returns.reduce((sum, r) => sum + (r.amount ?? 0), 0);
    const net =
      amount === undefined || unknownReturn
        ? 0
        : Math.max(0, Math.round((amount - returned) * 100) / 100);
    return {
      saleId,
      ...(fields.contract === undefined ? {} : { contractNumber: fields.contract }),
      ...(amount === undefined ? {} : { amount }),
      ...(fields.currency === undefined ? {} : { currency: fields.currency }),
      ...(fields.paidAt === undefined ? {} : { paidAt: fields.paidAt }),
      returns,
      net,
    };
  }

  return {
    /** Records a completed sale for its contract; writing it again changes nothing. */
    async recordSale(sale: PaypalSale): Promise<void> {
      const paidAtMs = Date.parse(sale.paidAt);
      // Two keys in two slots (Redis Cluster): written one after the other, the sale first, so
      // the contract's index never names a sale that is not there; a retry writes both again.
      await redis
        .multi()
        .hset(saleKey(sale.saleId), {
          contract: sale.contractNumber,
          amount: String(sale.amount),
          paidAt: sale.paidAt,
          ...(sale.currency === undefined ? {} : { currency: sale.currency }),
        })
        .expire(saleKey(sale.saleId), LEDGER_TTL_SECONDS)
        .exec();
      const index = contractKey(sale.contractNumber);
      await redis
        .multi()
        .zadd(index, Number.isFinite(paidAtMs) ? paidAtMs : 0, sale.saleId)
        .expire(index, LEDGER_TTL_SECONDS)
        .exec();
    },

    /** Records a refund or reversal of a sale (known or not yet); the same event twice counts once. */
    async recordReturn(saleId: string, payback: PaypalReturn): Promise<void> {
      await redis
        .multi()
        .hset(saleKey(saleId), `return:${payback.eventId}`, JSON.stringify(payback))
        .expire(saleKey(saleId), LEDGER_TTL_SECONDS)
        .exec();
    },

    sale: read,

    /** The contract's recorded sales, oldest first. */
    async salesOf(contractNumber: string): Promise<PaypalSaleRecord[]> {
      const ids = await redis.zrange(contractKey(contractNumber), 0, -1);
      const sales = await Promise.all(ids.map(read));
      return sales.filter((s): s is PaypalSaleRecord => s !== undefined);
    },
  };
}

export type PaypalPayments = ReturnType<typeof createPaypalPayments>;
