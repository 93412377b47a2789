import { UpstreamRejectedError } from './errors.js';
import type { PaypalClient } from './paypal.js';

/** The body of `POST /v1/billing/subscriptions` (contract: `paypal_subscription_create_out`). */
export interface PaypalSubscriptionRequest {
  plan_id: string;
  subscriber: {
    email_address: string;
    name: { given_name?: string; surname?: string };
  };
  /** Our reference, echoed in PayPal's events: the Fakturia contract number. */
  custom_id?: string;
  application_context?: {
    brand_name?: string;
    locale?: string;
    shipping_preference?: 'GET_FROM_FILE' | 'NO_SHIPPING' | 'SET_PROVIDED_ADDRESS';
    user_action?: 'SUBSCRIBE_NOW' | 'CONTINUE';
    return_url: string;
    cancel_url: string;
  };
}

/** What we keep of PayPal's answer: the subscription and where the customer approves it. */
export interface CreatedPaypalSubscription {
  id: string;
  status: string;
  approveUrl: string;
}

interface SubscriptionAnswer {
  id?: unknown;
  status?: unknown;
  links?: { href?: unknown; rel?: unknown }[];
}

const PATH = '/v1/billing/subscriptions';

/**
 * Creates a PayPal subscription. `requestId` goes out as `PayPal-Request-Id`:
 * PayPal answers a repeated id with the subscription it already created, so a
 * retry after a timeout never creates a second one. Errors carry their retry
 * behaviour (errorForStatus): 4xx rejected, 429/503 wait, 5xx and timeouts retry.
 */
export async function createSubscription(
  paypal: PaypalClient,
  body: PaypalSubscriptionRequest,
  options: { requestId: string },
): Promise<CreatedPaypalSubscription> {
  const headers = {
    'PayPal-Request-Id': options.requestId,
    Prefer: 'return=representation',
  };
  let answer: { status: number; body: unknown };
  try {
    answer = await paypal.authorizedJson(PATH, body, headers);
  } catch (error) {
    // A 401 means the cached token was revoked or expired early; the client has
    // dropped it, so one more call with a fresh token is safe (same request id).
    if (!(error instanceof UpstreamRejectedError) || error.status !== 401) throw error;
    answer = await paypal.authorizedJson(PATH, body, headers);
  }
  return readSubscription(answer.status, answer.body);
}

function readSubscription(status: number, body: unknown): CreatedPaypalSubscription {
  const answer = (body ?? {}) as SubscriptionAnswer;
  const approve = Array.isArray(answer.links)
    ? answer.links.find((link) => link?.rel === 'approve')
    : undefined;
  if (
    typeof answer.id !== 'string' ||
    typeof answer.status !== 'string' ||
    typeof approve?.href !== 'string'
  ) {
    // The same request id would replay the same answer, so retrying cannot help.
    throw new UpstreamRejectedError(
      `PayPal answered ${status} to ${PATH} without a subscription id, status and approve link; check PAYPAL_API_URL points at PayPal's REST API`,
      'paypal',
      status,
    );
  }
  return { id: answer.id, status: answer.status, approveUrl: approve.href };
}
