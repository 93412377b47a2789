import { exitOnConfigError, loadConfig } from '@campus/config';
import { createLogger } from '@campus/logger';
import { startSandbox } from '@campus/sandbox';

// The Lexoffice stand-in accepts the key the workers send (LEXOFFICE_API_KEY), and no other.
const config = await exitOnConfigError('sandbox', () => loadConfig(['sandbox', 'lexoffice']));
const logger = createLogger({ name: 'sandbox', level: config.core.logLevel });

const running = await startSandbox({
  logger,
  host: config.sandbox.host,
  port: config.sandbox.port,
  smtpPort: config.sandbox.smtpPort,
  lexoffice: { apiKey: config.lexoffice.apiKey },
});
logger.info(
  {
    lexoffice: `${running.url}/lexoffice`,
    prosonata: `${running.url}/prosonata`,
    paypal: `${running.url}/paypal`,
    fakturia: `${running.url}/fakturia`,
    inbox: `${running.url}/mail`,
    smtp: `smtp://${config.sandbox.host}:${running.smtpPort}`,
  },
  'sandbox listening',
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'sandbox stopping');
  running.close().then(
    () => {
      logger.info('sandbox stopped');
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'sandbox did not stop cleanly');
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
