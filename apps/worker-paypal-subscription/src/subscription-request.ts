import type { PaypalSubscriptionRequest } from '@campus/clients';
import type { CustomerRecord } from '@campus/customer-directory';
import { validateAgainst, type FakturiaContract } from '@campus/events';
import { NoPaypalPlanError, SubscriptionContractError } from './errors.js';

// Only where CAMPUS_BASE_URL is unset (it is required in production).
const DEFAULT_SITE_URL = 'https://campus.example';

/** The plan of the first item whose item number PAYPAL_PLAN_MAP knows. */
export function planFor(
  contractNumber: string,
  contract: FakturiaContract,
  plans: Readonly<Record<string, string>>,
): string {
  const itemNumbers = (contract.items ?? []).flatMap((item) =>
    typeof item.itemNumber === 'string' ? [item.itemNumber] : [],
  );
  for (const itemNumber of itemNumbers) {
    if (Object.hasOwn(plans, itemNumber)) return plans[itemNumber]!;
  }
  throw new NoPaypalPlanError(contractNumber, itemNumbers);
}

export interface SubscriptionRequestInput {
  planId: string;
  contractNumber: string;
  /** A record with an e-mail address (the caller checked). */
  customer: CustomerRecord & { email: string };
  siteUrl: string | undefined;
}

/** The body of the subscription, checked against `paypal_subscription_create_out`. */
export function buildSubscriptionRequest(
  input: SubscriptionRequestInput,
): PaypalSubscriptionRequest {
  const { planId, contractNumber, customer } = input;
  const site = (input.siteUrl ?? DEFAULT_SITE_URL).replace(/\/$/, '');
  const vertrag = encodeURIComponent(contractNumber);
  const surname = customer.lastName ?? customer.companyName;
  const request: PaypalSubscriptionRequest = {
    plan_id: planId,
    subscriber: {
      email_address: customer.email,
      name: {
        ...(customer.firstName ? { given_name: customer.firstName } : {}),
        ...(surname ? { surname } : {}),
      },
    },
    // PayPal echoes custom_id in its subscription events: the way back to the contract.
    custom_id: contractNumber,
    application_context: {
      brand_name: 'Campus',
      locale: 'de-DE',
      // Courses are not shipped; otherwise PayPal asks the buyer for an address.
      shipping_preference: 'NO_SHIPPING',
      user_action: 'SUBSCRIBE_NOW',
      return_url: `${site}/paypal/bestaetigt?vertrag=${vertrag}`,
      cancel_url: `${site}/paypal/abgebrochen?vertrag=${vertrag}`,
    },
  };
  const result = validateAgainst('paypal_subscription_create_out', request);
  if (!result.ok) throw new SubscriptionContractError(contractNumber, result.details);
  return request;
}
