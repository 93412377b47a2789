import { createSubscription } from '@campus/clients';
import { CustomerNotInDirectoryError, type CustomerRef } from '@campus/customer-directory';
import { sendOnce } from '@campus/mailer';
import type { EventHandler } from '@campus/queues';
import type { PaypalSubscriptionDeps } from '../deps.js';
import { CustomerWithoutEmailYetError, IncompleteContractError } from '../errors.js';
import { composeFreigabeMail } from '../freigabe-mail.js';
import { buildSubscriptionRequest, planFor } from '../subscription-request.js';

/**
 * A contract paid with PayPal was activated: create its PayPal subscription
 * (idempotent by the event key), link it to the contract so PayPal's payment
 * events find their way back, and mail the customer the approval link.
 */
export function handleFakturiaContractActivated(
  deps: PaypalSubscriptionDeps,
): EventHandler<'fakturia.CONTRACT_ACTIVATED'> {
  return async (event, ctx): Promise<{ subscriptionId: string; messageId: string }> => {
    const contract = event.payload.contract;
    const { contractNumber, customerNumber } = contract;
    if (!contractNumber || !customerNumber) {
      throw new IncompleteContractError(
        [!contractNumber && 'contractNumber', !customerNumber && 'customerNumber'].filter(
          (field): field is string => typeof field === 'string',
        ),
      );
    }
    const planId = planFor(contractNumber, contract, deps.plans);
    const ref: CustomerRef = { source: 'fakturia', id: customerNumber };
    const customer = await deps.directory.get(ref);
    if (!customer) {
      throw new CustomerNotInDirectoryError(
        ref,
        `the PayPal subscription of contract ${contractNumber}`,
      );
    }
    const email = customer.email;
    if (!email) throw new CustomerWithoutEmailYetError(customerNumber);

    const request = buildSubscriptionRequest({
      planId,
      contractNumber,
      customer: { ...customer, email },
      siteUrl: deps.siteUrl,
    });
    const subscription = await ctx.once('subscription', () =>
      createSubscription(deps.paypal, request, { requestId: ctx.eventKey }),
    );
    await deps.links.link(subscription.id, { contractNumber, customerNumber });
    // Once per event; the Message-ID derived from the event key marks a resend as the same mail.
    const sent = await sendOnce(
      ctx,
      deps,
      composeFreigabeMail({
        to: email,
        contractNumber,
        customer,
        approveUrl: subscription.approveUrl,
      }),
    );
    ctx.log.info(
      { contractNumber, customerNumber, planId, subscriptionId: subscription.id },
      'PayPal subscription created and approval link mailed',
    );
    return { subscriptionId: subscription.id, messageId: sent.messageId };
  };
}
