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
  /** The event exactly as received, parsed. */
  webhookEvent: unknown;
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
   * POSTs JSON with the cached token. A 401 means PayPal revoked or expired
   * the token early: it is dropped and the call is made once more with a
   * fresh one (the same request, so idempotency headers still hold).
   */
  async function authorizedJson(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) {
    const send = async () =>
      call(
        path,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await accessToken()}`,
            'content-type': 'application/json',
            ...headers,
          },
          body: JSON.stringify(body),
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

  return {
    accessToken,
    /** PayPal's verify-webhook-signature API: true for `SUCCESS`. */
    async verifyWebhookSignature(v: PaypalWebhookVerification): Promise<boolean> {
      const { body } = await authorizedJson('/v1/notifications/verify-webhook-signature', {
        auth_algo: v.authAlgo,
        cert_url: v.certUrl,
        transmission_id: v.transmissionId,
        transmission_sig: v.transmissionSig,
        transmission_time: v.transmissionTime,
        webhook_id: v.webhookId,
        webhook_event: v.webhookEvent,
      });
      return (body as { verification_status?: string }).verification_status === 'SUCCESS';
    },
    authorizedJson,
  };
}

export type PaypalClient = ReturnType<typeof createPaypalClient>;
