import { createCertificateRegistry } from '@campus/certificate-registry';
import { createCustomerDirectory, type CustomerRef } from '@campus/customer-directory';
import type { Logger } from '@campus/logger';
import type { RedisClient } from '@campus/queues';
import { customerTag } from './customer-update.js';

/**
 * A deleted customer's certificates, erased with the rest of their data.
 * Certificates are kept by the participant's e-mail address, which a
 * deletion event may not carry (plenigo's names only the customer id): the
 * addresses are taken from the event and from the directory record, so this
 * runs before the address sync erases that record.
 */
export function createCertificateErasure(redis: RedisClient, prefix: string) {
  const registry = createCertificateRegistry(redis, prefix);
  const directory = createCustomerDirectory(redis, prefix);
  return {
    /** Erases the certificates of every address known for `ref`; answers how many. */
    async eraseCustomer(
      ref: CustomerRef,
      addressesInEvent: ReadonlyArray<string | null | undefined>,
      log: Logger,
      now = new Date(),
    ): Promise<number> {
      const known = (await directory.get(ref))?.email;
      const addresses = new Set(
        [...addressesInEvent, known]
          .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
          .map((a) => a.trim().toLowerCase()),
      );
      if (addresses.size === 0) {
        log.warn(
          { customer: customerTag(ref) },
          'deleted customer has no known e-mail address: any certificates issued to them stay; erase them by hand',
        );
        return 0;
      }
      let erased = 0;
      for (const address of addresses) {
        erased += await registry.eraseParticipant(address, now.toISOString().slice(0, 10));
      }
      log.info({ customer: customerTag(ref), certificates: erased }, 'certificates erased');
      return erased;
    },
  };
}

export type CertificateErasure = ReturnType<typeof createCertificateErasure>;
