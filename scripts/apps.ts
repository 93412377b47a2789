/** Every app of the system, in the order `npm start` (and the end-to-end test) starts them: the sandbox first. */
export const APPS = [
  'sandbox',
  'receiver',
  'dashboard',
  'worker-dunning-mail',
  'worker-invoice-sync',
  'worker-order-to-customer',
  'worker-certificate-mail',
  'worker-offer-mail',
  'worker-login-mail',
  'worker-paypal-subscription',
] as const;
