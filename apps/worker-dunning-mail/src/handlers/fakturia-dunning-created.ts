import type { EventHandler } from '@campus/queues';
import type { DunningMailDeps } from '../deps.js';
import { readMahnung } from '../mahnung.js';
import { sendMahnungUnlessPaid } from '../send-mahnung.js';

/** Fakturia DUNNING_CREATED → the Mahnung of its level, unless the invoice is paid by now. */
export function handleFakturiaDunningCreated(
  deps: DunningMailDeps,
): EventHandler<'fakturia.DUNNING_CREATED'> {
  return (event, ctx) => {
    const mahnung = readMahnung(event.payload);
    const log = ctx.log.child({
      invoiceNumber: mahnung.invoiceNumber,
      customerNumber: mahnung.customerNumber,
      dunningLevel: mahnung.level,
    });
    return sendMahnungUnlessPaid(deps, mahnung, ctx, log);
  };
}
