import type { GroupSpec } from './define.js';
import { SANDBOX_SECRETS } from './sandbox-secrets.js';

export const prosonata = {
  apiUrl: {
    env: 'PROSONATA_API_URL',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/prosonata',
    description:
      'ProSonata base URL (`https://<firma>.prosonata.software`); `/api/v1/…` is appended.',
  },
  apiKey: {
    env: 'PROSONATA_API_KEY',
    type: 'string',
    secret: true,
    requiredInProduction: true,
    sandboxDefault: SANDBOX_SECRETS.PROSONATA_API_KEY,
    description: 'ProSonata API key (`X-API-Key`).',
  },
  customerId: {
    env: 'PROSONATA_CUSTOMER_ID',
    type: 'integer',
    minimum: 1,
    default: '1',
    description:
      "ProSonata customer group (customerID) customers' addresses are filed under; a prospect who becomes a customer is moved here.",
  },
  prospectCustomerId: {
    env: 'PROSONATA_PROSPECT_CUSTOMER_ID',
    type: 'integer',
    minimum: 1,
    requiredInProduction: true,
    sandboxDefault: '3',
    description:
      "ProSonata customer group (customerID) for prospects (an Angebot without an order). ProSonata's address API takes no `companyStatus`: a group's status (Interessent) is set on the group in ProSonata, and an address is a prospect by being filed under it. It must exist in ProSonata (else 409).",
  },
} as const satisfies GroupSpec;
