import { createProsonataClient, createProsonataQuota } from '@campus/clients';
import { loadConfig } from '@campus/config';
import { createProducerConnection } from '@campus/queues';
import type { Address, RecordedRequest } from '@campus/sandbox';
import { workerTest, type WorkerWorld } from '@campus/worker-testing';
import { createAddressSync } from '../src/address-sync.js';
import { createCertificateErasure } from '../src/certificate-erasure.js';
import { createOrderToCustomerWorker } from '../src/worker.js';

export interface WorkerOptions {
  /** The customers' group (PROSONATA_CUSTOMER_ID). */
  customerId?: number;
  timeoutMs?: number;
  concurrency?: number;
}

/**
 * The order-to-customer world (a failed job is retried after 200 ms, not
 * 10 s) and `startWorker`: one worker process's worth in this process (its
 * own Redis connection and ProSonata client, as main.ts builds them; call it
 * twice for two), talking to the sandbox's ProSonata.
 */
export const test = workerTest({
  queue: 'order-to-customer',
  retries: { attempts: 3, backoffMs: 200 },
}).extend('startWorker', ({ world }) => {
  return async (options: WorkerOptions = {}) => {
    const { prosonata: settings } = loadConfig(['prosonata'], world.env);
    const redis = createProducerConnection(world.redis.url, { enableOfflineQueue: true });
    world.onReset(() => redis.disconnect());
    const prosonata = createProsonataClient({
      apiUrl: settings.apiUrl,
      apiKey: settings.apiKey,
      timeoutMs: options.timeoutMs ?? 5_000,
      quota: createProsonataQuota(redis, world.prefix),
    });
    const groups = {
      customers: options.customerId ?? settings.customerId,
      prospects: settings.prospectCustomerId,
    };
    const addresses = createAddressSync({ prosonata, redis, prefix: world.prefix, groups });
    const certificates = createCertificateErasure(redis, world.prefix);
    return world.startWorker(createOrderToCustomerWorker({ addresses, certificates }), {
      settings: options.concurrency === undefined ? {} : { concurrency: options.concurrency },
    });
  };
});

/** The addresses the sandbox's ProSonata holds. */
export const prosonataAddresses = (world: WorkerWorld) =>
  world.control<Address[]>('GET', '/prosonata/addresses');

/** The requests the sandbox's ProSonata received, oldest first. */
export const prosonataRequests = (world: WorkerWorld) =>
  world.control<RecordedRequest[]>('GET', '/prosonata/requests');
