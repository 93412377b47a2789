import { createSubscription } from '@campus/clients';
import { sendOnce } from '@campus/mailer';
import type { EventHandler, JobContext } from '@campus/queues';
import { contractCustomer, isPaypal } from '../contract-customer.js';
import type { PaypalSubscriptionDeps } from '../deps.js';
import { CustomerWithoutEmailYetError, IncompleteContractError } from '../errors.js';
import { composeFreigabeMail } from '../freigabe-mail.js';
import { buildSubscriptionRequest, planFor } from '../subscription-request.js';

type Outcome =
  | { subscriptionId: string; messageId: string }
  | { skipped: 'not paid with PayPal'; paymentMethod: string };

function notPaypal(ctx: JobContext, contractNumber: string, paymentMethod: string): Outcome {
  ctx.log.info({ contractNumber, paymentMethod }, 'contract not paid with PayPal: no subscription');
  return { skipped: 'not paid with PayPal', paymentMethod };
}

/**
 * A contract was activated. Every activation comes here, because the payment
 * method may sit on the customer rather than the contract: one paid with
 * PayPal gets its PayPal subscription (idempotent by the event key, within
 * PayPal's 72 hours), linked to the contract so PayPal's payment events find
 * their way back, and the customer the approval link by mail; any other
 * completes without a side effect.
 */
export function handleFakturiaContractActivated(
  deps: PaypalSubscriptionDeps,
): EventHandler<'fakturia.CONTRACT_ACTIVATED'> {
  return async (event, ctx): Promise<Outcome> => {
    const contract = event.payload.contract;
    const { contractNumber, customerNumber } = contract;
    if (!contractNumber || !customerNumber) {
      throw new IncompleteContractError(
        [!contractNumber && 'contractNumber', !customerNumber && 'customerNumber'].filter(
          (field): field is string => typeof field === 'string',
        ),
      );
    }
    const own = contract.paymentMethod?.trim() || undefined;
    if (own !== undefined && !isPaypal(own)) return notPaypal(ctx, contractNumber, own);
    const { record: customer, paymentMethod } = await contractCustomer(deps, ctx, {
      contractNumber,
      customerNumber,
      paymentMethod: own,
    });
    if (!isPaypal(paymentMethod)) return notPaypal(ctx, contractNumber, paymentMethod);

    const planId = planFor(contractNumber, contract, deps.plans);
    const email = customer.email;
    if (!email) throw new CustomerWithoutEmailYetError(customerNumber);
    const request = buildSubscriptionRequest({
      planId,
      contractNumber,
      customer: { ...customer, email },
      siteUrl: deps.siteUrl,
    });
    const subscription = await ctx.once('subscription', () =>
      deps.requestIds.guard(ctx.eventKey, contractNumber, () =>
        createSubscription(deps.paypal, request, { requestId: ctx.eventKey }),
      ),
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
