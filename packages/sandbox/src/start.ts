import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
import { createSmtpSink } from './mail/smtp-sink.js';

export interface StartSandboxOptions extends SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** HTTP port; 0 (the default) picks a free one. */
  port?: number;
  /** SMTP sink port; 0 (the default) picks a free one. */
  smtpPort?: number;
}

export interface RunningSandbox {
  /** HTTP origin, e.g. `http://127.0.0.1:4010`; the upstreams are under /lexoffice, /prosonata, /paypal, /fakturia. */
  url: string;
  smtpPort: number;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Starts the HTTP server and the SMTP sink; `close()` stops both and drops open connections. */
export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = await createSandbox(options);
  const http = sandbox.app.listen(options.port ?? 0, host);
  await once(http, 'listening');

  const smtp = createSmtpSink({
    store: sandbox.state.mail,
    failSwitch: sandbox.state.mailFailSwitch,
    logger: options.logger,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.listen(options.smtpPort ?? 0, host, () => {
        smtp.server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    http.close();
    throw new Error(`SMTP sink could not listen on ${host}:${options.smtpPort ?? 0}`, {
      cause: error,
    });
  }

  const httpPort = (http.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  // 0.0.0.0 is where it listens, not where a client connects.
  const displayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${httpPort}`,
    smtpPort,
    sandbox,
    close() {
      closing ??= (async () => {
        const { lexoffice, prosonata, paypal, fakturia } = sandbox.state;
        for (const upstream of [lexoffice, prosonata, paypal, fakturia]) upstream.faults.reset();
        sandbox.state.mailFailSwitch.reset();
        const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        await Promise.all([
          httpClosed,
          new Promise<void>((resolve) => smtp.close(() => resolve())),
        ]);
      })();
      return closing;
    },
  };
}
