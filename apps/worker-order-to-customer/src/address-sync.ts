import {
  UpstreamRateLimitError,
  UpstreamRejectedError,
  type ProsonataAddressResult,
  type ProsonataClient,
} from '@campus/clients';
import {
  createCustomerDirectory,
  type CustomerRecord,
  type CustomerRef,
} from '@campus/customer-directory';
import type { Logger } from '@campus/logger';
import {
  changedAddressFields,
  newAddressFields,
  type AddressSource,
  type CustomerGroups,
} from './address-fields.js';
import { createCustomerLocks, type CustomerLocks } from './customer-lock.js';
import { addressMarker, customerTag, type CustomerUpdate } from './customer-update.js';
import type { Redis } from './redis.js';

export interface AddressSyncDeps {
  prosonata: ProsonataClient;
  redis: Redis;
  /** Key prefix shared with the other domains (they read the customer directory). */
  prefix: string;
  /** ProSonata customer groups (customerID) of customers and of prospects. */
  groups: CustomerGroups;
  locks?: CustomerLocks;
}

export type UpsertOutcome =
  { action: 'created' | 'updated' | 'found'; addressId: number } | { action: 'waiting-for-city' };

// Long enough for every retry of the job that set it (failed jobs are kept 30 days).
const PENDING_CREATE_TTL_SECONDS = 30 * 24 * 60 * 60;

/** The directory's fields an event may set (empty ones leave the record as it was). */
function recordOf(update: CustomerUpdate): Omit<CustomerRecord, 'updatedAt'> {
  const { email, salutation, firstName, lastName, companyName, address, paymentMethod } = update;
  return { email, salutation, firstName, lastName, companyName, address, paymentMethod };
}

function merge(current: CustomerRecord | undefined, update: CustomerUpdate): AddressSource {
  const { ref: _ref, ...given } = update;
  const defined = Object.fromEntries(
    Object.entries(given).filter(([, v]) => v !== undefined),
  ) as Partial<AddressSource>;
  return {
    email: current?.email,
    salutation: current?.salutation,
    firstName: current?.firstName,
    lastName: current?.lastName,
    companyName: current?.companyName,
    address: current?.address,
    ...defined,
    role: update.role,
  };
}

/**
 * One ProSonata address per customer, kept in step with the customer
 * directory. Idempotency is per customer rather than per event (two events
 * about one customer must share one address): the directory remembers the
 * address id, and a pending-create mark makes a retry after a create whose
 * answer was lost look the address up by its marker before creating again.
 */
export function createAddressSync(deps: AddressSyncDeps) {
  const { prosonata, redis, prefix, groups } = deps;
  const directory = createCustomerDirectory(redis, prefix);
  const locks = deps.locks ?? createCustomerLocks(redis, prefix);
  const pendingKey = (tag: string) => `${prefix}:prosonata:pending-create:${tag}`;

  /** The addresses carrying the customer's marker, exactly (ProSonata's search may match more). */
  async function findByMarker(ref: CustomerRef): Promise<number[]> {
    const found = await prosonata.findAddressesByMarker(addressMarker(ref));
    return found.map((address) => address.addressID);
  }

  /**
   * PUTs the customer's fields; a customer whose address is still in the
   * prospects' group (an Angebot came first) is then moved to the customers'.
   */
  async function putFields(
    id: number,
    source: AddressSource,
    log: Logger,
  ): Promise<ProsonataAddressResult> {
    const result = await prosonata.updateAddress(id, changedAddressFields(source));
    const promote =
      result.found &&
      source.role === 'customer' &&
      groups.prospects !== groups.customers &&
      result.address.customerID === groups.prospects;
    if (promote) {
      await prosonata.updateAddress(id, { customerID: groups.customers });
      log.info(
        { addressId: id },
        "prospect became a customer: address moved to the customers' group",
      );
    }
    return result;
  }

  async function createOnce(
    ref: CustomerRef,
    source: AddressSource,
    log: Logger,
  ): Promise<{ action: 'created' | 'found'; addressId: number }> {
    const tag = customerTag(ref);
    if ((await redis.exists(pendingKey(tag))) === 1) {
      const [found] = await findByMarker(ref);
      if (found !== undefined) {
        log.info(
          { customer: tag, addressId: found },
          'found the address an earlier attempt created',
        );
        await putFields(found, source, log);
        return { action: 'found', addressId: found };
      }
    }
    await redis.set(pendingKey(tag), new Date().toISOString(), 'EX', PENDING_CREATE_TTL_SECONDS);
    try {
      const created = await prosonata.createAddress(
        newAddressFields(source, groups, addressMarker(ref)),
      );
      return { action: 'created', addressId: created.addressID };
    } catch (error) {
      // A quota wait (the call was never sent, or answered 429) or a refusal
      // means ProSonata created nothing: the retry need not spend a lookup.
      if (error instanceof UpstreamRateLimitError || error instanceof UpstreamRejectedError)
        await redis.del(pendingKey(tag));
      throw error;
    }
  }

  return {
    /** Creates or updates the customer's address and directory record. */
    async upsert(update: CustomerUpdate, log: Logger): Promise<UpsertOutcome> {
      const tag = customerTag(update.ref);
      return locks.withLock(tag, async () => {
        const current = await directory.get(update.ref);
        const source = merge(current, update);
        const knownId = current?.prosonataAddressId;
        if (knownId !== undefined) {
          const result = await putFields(knownId, source, log);
          if (result.found) {
            await directory.upsert(update.ref, recordOf(update));
            log.info({ customer: tag, addressId: knownId }, 'ProSonata address updated');
            return { action: 'updated', addressId: knownId };
          }
          log.warn(
            { customer: tag, addressId: knownId },
            'ProSonata address is gone: filing it again',
          );
        }
        if (!source.address?.city) {
          // ProSonata requires a city; the customer is remembered until an event brings one.
          await directory.upsert(update.ref, recordOf(update));
          log.info({ customer: tag }, 'no city known yet: the ProSonata address waits for one');
          return { action: 'waiting-for-city' };
        }
        const outcome = await createOnce(update.ref, source, log);
        await directory.upsert(update.ref, {
          ...recordOf(update),
          prosonataAddressId: outcome.addressId,
        });
        await redis.del(pendingKey(tag));
        log.info({ customer: tag, addressId: outcome.addressId }, 'ProSonata address filed');
        return outcome;
      });
    },

    /** Deactivates the customer's address (`addressActive: 0`) and erases the directory record. */
    async deactivate(ref: CustomerRef, log: Logger): Promise<number[]> {
      const tag = customerTag(ref);
      return locks.withLock(tag, async () => {
        const knownId = (await directory.get(ref))?.prosonataAddressId;
        const ids = knownId !== undefined ? [knownId] : await findByMarker(ref);
        for (const id of ids) {
          const result = await prosonata.updateAddress(id, { addressActive: 0 });
          if (!result.found)
            log.warn({ customer: tag, addressId: id }, 'ProSonata address already gone');
        }
        // Personal data: nothing of the customer stays in Redis.
        await directory.erase(ref);
        await redis.del(pendingKey(tag));
        log.info(
          { customer: tag, addressIds: ids },
          'customer erased; ProSonata address deactivated',
        );
        return ids;
      });
    },
  };
}

export type AddressSync = ReturnType<typeof createAddressSync>;
