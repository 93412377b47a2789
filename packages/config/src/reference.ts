import { SETTINGS, type SettingGroup } from './settings/index.js';

const GROUP_TITLES: Record<SettingGroup, string> = {
  core: 'Every app',
  receiver: 'Receiver',
  queues: 'Queues and retention',
  magicCode: 'Login codes (receiver and worker-login-mail)',
  paypal: 'PayPal API (worker-paypal-subscription; receiver with PAYPAL_VERIFY_MODE=api)',
  mail: 'Mail (the mail workers)',
  sandbox: 'Sandbox stand-ins (apps/sandbox)',
  worker: 'Every worker app',
  lexoffice: 'Lexoffice (worker-invoice-sync; apps/sandbox accepts only this key)',
  prosonata: 'ProSonata (worker-order-to-customer)',
  offers: 'Offers (worker-offer-mail)',
  catalog: 'Products and PayPal plans',
  downloads: 'E-book download links (the mail to an e-book buyer)',
  dashboard: 'Dashboard (apps/dashboard)',
  website: 'The Campus website (offer and PayPal links)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The configuration reference as Markdown, made from SETTINGS so that it cannot drift. */
export function renderConfigReference(): string {
  const lines = [
    '<!-- Generated from packages/config/src/settings/ by `npm run docs:config`. Do not edit by hand. -->',
    '',
    'Every setting is an environment variable, read and validated once at start. In `sandbox` mode',
    'unset secrets take the development value shown; in `production` mode a missing required one stops',
    'the app with a message naming it.',
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
        s.default !== undefined ? `\`${s.default}\`` : '',
        s.sandboxDefault !== undefined ? `sandbox: \`${s.sandboxDefault}\`` : '',
      ]
        .filter(Boolean)
        .join('<br>');
      const required = s.requiredInProduction
        ? 'required'
        : s.requiredFor
          ? `required while \`${s.requiredFor}\` is a source`
          : '';
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
