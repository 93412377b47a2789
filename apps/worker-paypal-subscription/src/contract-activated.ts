import { createSubscription, type PaypalClient } from '@campus/clients';
import {
  CustomerNotInDirectoryError,
  type CustomerDirectory,
  type CustomerRef,
  type SubscriptionLinks,
} from '@campus/customer-directory';
import type { RoutedEventBodies } from '@campus/events';
import { sendOnce, type MailSender } from '@campus/mailer';
import type { JobContext } from '@campus/queues';
import { CustomerWithoutEmailYetError, IncompleteContractError } from './errors.js';
import { composeFreigabeMail } from './freigabe-mail.js';
import { buildSubscriptionRequest, planFor } from './subscription-request.js';

export interface PaypalSubscriptionDeps extends MailSender {
  paypal: PaypalClient;
  directory: CustomerDirectory;
  links: SubscriptionLinks;
  /** PAYPAL_PLAN_MAP: Fakturia item number → PayPal plan id. */
  plans: Readonly<Record<string, string>>;
  /** CAMPUS_BASE_URL: where PayPal sends the customer back after approving or cancelling. */
  siteUrl: string | undefined;
}

/**
 * A contract paid with PayPal was activated: create its PayPal subscription
 * (idempotent by the event key), link it to the contract so PayPal's payment
 * events find their way back, and mail the customer the approval link.
 */
export async function activatePaypalSubscription(
  event: RoutedEventBodies['fakturia.CONTRACT_ACTIVATED'],
  ctx: JobContext,
  deps: PaypalSubscriptionDeps,
): Promise<{ subscriptionId: string; messageId: string }> {
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
}
