import type { GroupSpec } from './define.js';

export const website = {
  baseUrl: {
    env: 'CAMPUS_BASE_URL',
    type: 'string',
    format: 'uri',
    requiredInProduction: true,
    sandboxDefault: 'http://127.0.0.1:4010/campus',
    description: 'Public URL of the Campus website; offer PDF and acceptance links point there.',
  },
} as const satisfies GroupSpec;
