/** What a test, the benchmark or the sandbox needs to sign a body as each sender would. */
export interface SenderCredentials {
  fakturiaToken?: string;
  plenigoSecret?: string;
  campusSecret?: string;
  paypal?: { webhookId: string; privateKeyPem: string; certUrl: string };
}

/** When a request is signed, and (website) the `webhook-id` to send. */
export interface SigningOptions {
  nowMs: number;
  webhookId?: string;
}

export function need<T>(value: T | undefined, name: string): T {
  if (value === undefined)
    throw new Error(`senderHeaders: credentials.${name} is needed for this source`);
  return value;
}
