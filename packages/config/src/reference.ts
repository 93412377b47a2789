import { WHSEC_MAX_BYTES } from './secret-strength.js';
import { SANDBOX_SECRETS, SETTINGS, type Setting, type SettingGroup } from './settings/index.js';

const GROUP_TITLES: Record<SettingGroup, string> = {
  core: 'Every app',
  receiver: 'Receiver',
  queues: 'Queues and retention',
  magicCode: 'Login codes (receiver and worker-login-mail)',
  paypal:
    'PayPal API (worker-paypal-subscription; invoice-sync and dunning-mail confirm events; receiver with PAYPAL_VERIFY_MODE=api)',
  mail: 'Mail (the mail workers)',
  sandbox: 'Sandbox stand-ins (packages/sandbox, started by apps/sandbox)',
  worker: 'Every worker app',
  lexoffice: 'Lexoffice (worker-invoice-sync; apps/sandbox accepts only this key)',
  prosonata: 'ProSonata (worker-order-to-customer)',
  fakturia: 'Fakturia API (invoice-sync, dunning-mail, paypal-subscription; `npm run backfill`)',
  offers: 'Offers (worker-offer-mail)',
  catalog: 'Products and PayPal plans',
  downloads: 'E-book download links (the mail to an e-book buyer)',
  certificates: 'Certificates (worker-certificate-mail)',
  dunning: 'Dunning (worker-dunning-mail)',
  certificatePage: "The receiver's certificate page (`GET /zertifikate/{number}`)",
  dashboard: 'Dashboard (apps/dashboard)',
  website: 'The Campus website (offer and PayPal links)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The production rule a secret must meet, as the reference states it. */
function strengthRule(s: Setting): string {
  const development =
    s.sandboxDefault !== undefined && (s.secret || Object.hasOwn(SANDBOX_SECRETS, s.env))
      ? 'not the development value'
      : '';
  const rule =
    s.kind === 'whsec'
      ? `a \`whsec_\` key of ${s.minBytes ?? 24} to ${WHSEC_MAX_BYTES} bytes`
      : s.minBytes !== undefined
        ? `at least ${s.minBytes} bytes of entropy`
        : s.minLength !== undefined
          ? `at least ${s.minLength} characters`
          : '';
  return [rule, development].filter(Boolean).join(', ');
}

/** The configuration reference as Markdown, made from SETTINGS so that it cannot drift. */
export function renderConfigReference(): string {
  const lines = [
    '<!-- Generated from packages/config/src/settings/ by `npm run docs:config`. Do not edit by hand. -->',
    '',
    'Every setting is an environment variable, read and validated once at start. In `sandbox` mode',
    'unset secrets take the development value shown; in `production` mode a missing required one, a',
    'development value or a secret weaker than its rule stops the app with a message naming it',
    '(exit 78). How "bytes of entropy" are measured: docs/security.md, "Secret strength".',
  ];
  for (const group of Object.keys(GROUP_TITLES) as SettingGroup[]) {
    const settings = SETTINGS.filter((s) => s.group === group);
    if (settings.length === 0) continue;
    lines.push(
      '',
      `### ${GROUP_TITLES[group]}`,
      '',
      '| variable | default | production | description |',
      '|---|---|---|---|',
    );
    for (const s of settings) {
      const fallback = [
        s.default === '' ? 'empty' : s.default !== undefined ? `\`${s.default}\`` : '',
        s.sandboxDefaultShown !== undefined
          ? `sandbox: ${s.sandboxDefaultShown}`
          : s.sandboxDefault !== undefined
            ? `sandbox: \`${s.sandboxDefault}\``
            : '',
      ]
        .filter(Boolean)
        .join('<br>');
      const required = [
        s.requiredInProduction
          ? 'required'
          : s.requiredFor
            ? `required while \`${s.requiredFor}\` is a source`
            : '',
        strengthRule(s),
      ]
        .filter(Boolean)
        .join('; ');
      const allowed = s.enum
        ? ` ${s.type === 'list' ? 'Each one of' : 'One of'} ${s.enum.map((v) => `\`${v}\``).join(', ')}.`
        : '';
      const secret = s.secret ? ' Secret: never logged.' : '';
      lines.push(
        `| \`${s.env}\` | ${cell(fallback)} | ${required} | ${cell(s.description + allowed + secret)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
