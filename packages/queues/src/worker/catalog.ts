import type {
  DomainQueue,
  JobNameOf,
  PaypalConfirmation,
  PaypalEvent,
  RoutedEventBodies,
  Source,
} from '@campus/events';
import type { Logger } from '@campus/logger';

/** What every handler gets besides its payload. */
export interface JobContext {
  queue: DomainQueue;
  jobId: string;
  /** The event key for routed events; the job id for internal jobs. */
  eventKey: string;
  /** Retries already made of this job (Fakturia's meaning): 0 on the first attempt. */
  retryCount: number;
  /** The sender's own retry count at delivery (Fakturia), null otherwise. */
  senderRetryCount: number | null;
  receivedAt: string;
  source: Source | 'internal';
  /** Child logger carrying queue, jobId, eventKey and retryCount. */
  log: Logger;
  /** Aborted when the worker must stop before the job finished (shutdown deadline). */
  signal: AbortSignal;
  /**
   * Runs a side effect once per job and step: the outcome is recorded under
   * the event key, so a retry after a timeout or a crash returns the recorded
   * outcome instead of calling the upstream again.
   */
  once<T>(step: string, effect: () => Promise<T>): Promise<T>;
  /** Adds an internal job to this worker's queue (e.g. a delayed follow-up). */
  enqueue(name: string, data: unknown, options: { jobId: string; delayMs?: number }): Promise<void>;
  /** Removes a pending internal job of this queue; false when it was not pending. */
  cancel(jobId: string): Promise<boolean>;
}

export type EventHandler<N extends keyof RoutedEventBodies> = (
  event: RoutedEventBodies[N],
  ctx: JobContext,
) => Promise<unknown>;

/** An internal job: its data schema (ajv) and its handler. */
export interface InternalJob<D> {
  schema: object;
  handle(data: D, ctx: JobContext): Promise<unknown>;
}

/** Job names of the money-moving PayPal events (issue #9): PAYMENT.SALE.* and BILLING.SUBSCRIPTION.PAYMENT.*. */
export type MoneyMovingPaypalJobName =
  `paypal.PAYMENT.SALE.${string}` | `paypal.BILLING.SUBSCRIPTION.PAYMENT.${string}`;

/**
 * How the runtime makes sure a money-moving PayPal event is PayPal's before a
 * handler acts on it: a function that asks PayPal for its own copy
 * (`paypalEventConfirmer` in @campus/clients), or `'off'` where
 * PAYPAL_CONFIRM_EVENTS is false.
 */
export type PaypalEventConfirmer =
  | ((
      event: PaypalEvent<Record<string, unknown>>,
      signal: AbortSignal,
    ) => Promise<PaypalConfirmation>)
  | 'off';

/**
 * A queue that receives money-moving PayPal events must say how they are
 * confirmed (the compiler insists, so no worker can forget); other queues
 * have nothing to confirm.
 */
type PaypalConfirmationOf<Q extends DomainQueue> = [
  Extract<JobNameOf<Q>, MoneyMovingPaypalJobName>,
] extends [never]
  ? { confirmPaypalEvents?: never }
  : {
      /**
       * Runs before the handler of every money-moving PayPal event: confirmed →
       * the handler runs; not confirmed → the payload goes to the quarantine
       * and the job fails for good; PayPal unreachable → retried.
       */
      confirmPaypalEvents: PaypalEventConfirmer;
    };

/**
 * A domain worker: a handler for every event the routing table sends to its
 * queue (the compiler insists on each), plus any internal jobs it schedules.
 */
export type WorkerDefinition<
  Q extends DomainQueue,
  I extends Record<string, unknown> = Record<never, never>,
> = {
  queue: Q;
  events: { [N in JobNameOf<Q>]: EventHandler<N> };
  jobs?: { [K in keyof I]: InternalJob<I[K]> };
  /** Queue-wide limit, shared by every process of this worker (e.g. Lexoffice's 2 requests/s). */
  limiter?: { max: number; duration: number };
  /** Jobs one process works on at once; defaults to WORKER_CONCURRENCY. */
  concurrency?: number;
} & PaypalConfirmationOf<Q>;

/** Identity, for inference: `defineWorker({ queue: 'dunning-mail', events: {…} })`. */
export function defineWorker<
  Q extends DomainQueue,
  I extends Record<string, unknown> = Record<never, never>,
>(definition: WorkerDefinition<Q, I>): WorkerDefinition<Q, I> {
  return definition;
}

/** Any domain's definition, as the runtime sees it. */
export interface AnyWorkerDefinition {
  queue: DomainQueue;
  events: Record<string, (event: never, ctx: JobContext) => Promise<unknown>>;
  jobs?: Record<string, { schema: object; handle(data: never, ctx: JobContext): Promise<unknown> }>;
  limiter?: { max: number; duration: number };
  concurrency?: number;
  confirmPaypalEvents?: PaypalEventConfirmer;
}
