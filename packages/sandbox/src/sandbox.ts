import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from '@campus/logger';
import { systemClock, type Clock } from './clock.js';
import { createControlRouter } from './control/control-router.js';
import { createFakturiaRouter } from './fakturia/fakturia-router.js';
import { createFakturiaState, type FakturiaOptions } from './fakturia/fakturia-state.js';
import { renderIndex } from './http/index-page.js';
import { upstreamErrorHandler } from './http/upstream.js';
import { createLexofficeRouter } from './lexoffice/lexoffice-router.js';
import { createLexofficeState, type LexofficeOptions } from './lexoffice/lexoffice-state.js';
import { createMailPages } from './mail/mail-router.js';
import { MailStore } from './mail/mail-store.js';
import { SmtpFailSwitch } from './mail/smtp-fail-switch.js';
import { generatePaypalCertificate, type PaypalCertificate } from './paypal/certificate.js';
import { createPaypalRouter } from './paypal/paypal-router.js';
import { createPaypalState, type PaypalOptions } from './paypal/paypal-state.js';
import { createSimulatorRouter } from './paypal/simulator-router.js';
import { createProsonataRouter } from './prosonata/prosonata-router.js';
import { createProsonataState, type ProsonataOptions } from './prosonata/prosonata-state.js';
import type { SandboxState } from './sandbox-state.js';

export interface SandboxOptions {
  logger: Logger;
  clock?: Clock;
  /** Key and certificate webhooks are signed with; generated when absent. */
  certificate?: PaypalCertificate;
  /** Origin the sandbox is reached under (`http://127.0.0.1:4010`); the request's Host when absent. */
  publicUrl?: string;
  lexoffice?: LexofficeOptions;
  prosonata?: ProsonataOptions;
  paypal?: PaypalOptions;
  fakturia?: FakturiaOptions;
}

export interface Sandbox {
  app: Express;
  state: SandboxState;
  /** Clears every store, log and knob, and drops held connections. */
  reset(): void;
}

/** Builds the sandbox's HTTP app: Lexoffice, ProSonata, PayPal and Fakturia stand-ins, the inbox and the control API; the SMTP sink's state. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { logger, publicUrl } = options;
  const clock = options.clock ?? systemClock;
  const certificate =
    options.certificate ?? (await generatePaypalCertificate(new Date(clock.now())));
  const state: SandboxState = {
    lexoffice: createLexofficeState(clock, options.lexoffice),
    prosonata: createProsonataState(clock, options.prosonata),
    paypal: createPaypalState(clock, certificate, options.paypal),
    fakturia: createFakturiaState(clock, options.fakturia),
    mail: new MailStore(clock),
    mailFailSwitch: new SmtpFailSwitch(),
  };
  const reset = () => {
    state.lexoffice.reset();
    state.prosonata.reset();
    state.paypal.reset();
    state.fakturia.reset();
    state.mail.clear();
    state.mailFailSwitch.reset();
    logger.info('sandbox reset');
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/', (req: Request, res: Response) => {
    res
      .type('html')
      .send(renderIndex(publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`));
  });
  app.use(
    '/lexoffice',
    createLexofficeRouter({ state: state.lexoffice, clock, logger, publicUrl }),
  );
  app.use('/prosonata', createProsonataRouter({ state: state.prosonata, logger }));
  // The simulator is a sandbox tool, not PayPal's API: neither logged as a PayPal request nor faulted.
  app.use(
    '/paypal/simulate',
    createSimulatorRouter({ state: state.paypal, clock, logger, publicUrl }),
  );
  app.use('/paypal', createPaypalRouter({ state: state.paypal, clock, logger, publicUrl }));
  app.use('/fakturia', createFakturiaRouter({ state: state.fakturia, logger }));
  app.use('/mail', createMailPages(state.mail));
  app.use('/_control', createControlRouter(state, reset));
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ message: 'Not found' });
  });
  app.use(upstreamErrorHandler((_status, message) => ({ message })));
  return { app, state, reset };
}
