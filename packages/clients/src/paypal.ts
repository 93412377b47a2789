import { errorForStatus, UpstreamError } from './errors.js';

export interface PaypalClientOptions {
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  now?: () => number;
}

export interface PaypalWebhookVerification {
  authAlgo: string;
  certUrl: string;
  transmissionId: string;
  transmissionSig: string;
  transmissionTime: string;
  webhookId: string;
  /** The body exactly as received (valid JSON): PayPal checks its CRC32 over these bytes. */
  rawEvent: string;
}

/** A webhook event as PayPal's API returns it (notifications_webhooks_v1.json `event`). */
export interface PaypalWebhookEvent {
  id?: string;
  event_type?: string;
  resource_type?: string;
  create_time?: string;
  summary?: string;
  resource?: Record<string, unknown>;
}

/** A sale (payments_payment_v1.json `sale`): the fields a confirmation compares. */
export interface PaypalSale {
  id?: string;
  state?: string;
  amount?: { total?: string; currency?: string };
  billing_agreement_id?: string;
  custom?: string;
  parent_payment?: string;
}

/**
 * PayPal REST client: OAuth2 client credentials with the token cached until
 * shortly before it expires.
 */
export function createPaypalClient(options: PaypalClientOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const base = options.apiUrl.replace(/\/$/, '');
  let token: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function call(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(`${base}${path}`, {
        ...init,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (cause) {
      throw new UpstreamError(
        `PayPal did not answer ${path} (${(cause as Error).name})`,
        'paypal',
        undefined,
        { cause },
      );
    }
  }

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    const response = await call('/v1/oauth2/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    if (!response.ok) {
      throw errorForStatus(
        'paypal',
        response.status,
        'token request refused',
        response.headers.get('retry-after'),
      );
    }
    const body = (await response.json()) as { access_token: string; expires_in: number };
    // Renew a minute early so a token never expires in flight.
    token = { value: body.access_token, expiresAt: now() + (body.expires_in - 60) * 1000 };
    return token.value;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > now()) return token.value;
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  /**
   * Sends a request with the cached token. A 401 means PayPal revoked or
   * expired the token early: it is dropped and the call is made once more
   * with a fresh one (the same request, so idempotency headers still hold).
   */
  async function authorized(
    method: 'GET' | 'POST',
    path: string,
    bodyText: string | undefined,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) {
    const send = async () =>
      call(
        path,
        {
          method,
          headers: {
            authorization: `Bearer ${await accessToken()}`,
            ...(bodyText === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          body: bodyText,
        },
        signal,
      );
    let response = await send();
    if (response.status === 401) {
      token = undefined;
      response = await send();
    }
    if (response.status === 401) token = undefined;
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw errorForStatus(
        'paypal',
        response.status,
        text.slice(0, 200),
        response.headers.get('retry-after'),
      );
    }
    return { status: response.status, body: (await response.json()) as unknown };
  }

  /** POSTs JSON with the cached token. */
  function authorizedJson(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) {
    return authorized('POST', path, JSON.stringify(body), headers, signal);
  }

  return {
    accessToken,
    /**
     * PayPal's verify-webhook-signature API: true for `SUCCESS`. The request
     * is written around the raw body, as PayPal's SDKs do (PayPal-PHP-SDK's
     * VerifyWebhookSignature::toJSON splices in the request body): a parsed and
     * re-serialised event has other bytes, another CRC32 and always fails.
     */
    async verifyWebhookSignature(v: PaypalWebhookVerification): Promise<boolean> {
      const fields = JSON.stringify({
        auth_algo: v.authAlgo,
        cert_url: v.certUrl,
        transmission_id: v.transmissionId,
        transmission_sig: v.transmissionSig,
        transmission_time: v.transmissionTime,
        webhook_id: v.webhookId,
      });
      const text = `${fields.slice(0, -1)},"webhook_event":${v.rawEvent}}`;
      const { body } = await authorized('POST', '/v1/notifications/verify-webhook-signature', text);
      return (body as { verification_status?: string }).verification_status === 'SUCCESS';
    },
    /** `GET /v1/notifications/webhooks-events/{id}`: the event as PayPal keeps it. */
    async getWebhookEvent(eventId: string, signal?: AbortSignal): Promise<PaypalWebhookEvent> {
      const path = `/v1/notifications/webhooks-events/${encodeURIComponent(eventId)}`;
      const { body } = await authorized('GET', path, undefined, {}, signal);
      return body as PaypalWebhookEvent;
    },
    /** `GET /v1/payments/sale/{id}`: a sale as PayPal keeps it (state, amount, billing agreement). */
    async getSale(saleId: string, signal?: AbortSignal): Promise<PaypalSale> {
      const path = `/v1/payments/sale/${encodeURIComponent(saleId)}`;
      const { body } = await authorized('GET', path, undefined, {}, signal);
      return body as PaypalSale;
    },
    authorizedJson,
  };
}

export type PaypalClient = ReturnType<typeof createPaypalClient>;
