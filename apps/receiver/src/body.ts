import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/**
 * The client went away (or was cut off by the request timeout) before the
 * body was complete: nobody is left to answer, and nothing is wrong here.
 */
export class ClientAbortedError extends Error {
  override name = 'ClientAbortedError';
  constructor(cause?: unknown) {
    super('The client closed the connection before its body was complete; nothing to answer.', {
      cause,
    });
  }
}

/** application/json, with or without parameters; a charset other than UTF-8 is refused. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  const charset = params.find((p) => p.startsWith('charset='));
  return !charset || /^charset="?utf-8"?$/.test(charset);
}

/**
 * Reads the raw body, refusing more than `limit` bytes: at once when
 * Content-Length says so, otherwise as soon as the stream passes it. (Plain
 * stream events: an async iterator per request costs measurably more.)
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new BodyTooLargeError(`body of ${declared} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        // Stop reading, but let the answer go out before the socket closes.
        req.pause();
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // An aborted upload ends in 'error' (ECONNRESET) or only in 'close'.
    const onError = (error: Error) => {
      cleanup();
      reject(new ClientAbortedError(error));
    };
    const onClose = () => {
      cleanup();
      reject(new ClientAbortedError());
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** The body as a string, or undefined when it is not valid UTF-8. */
export function decodeUtf8(raw: Buffer): string | undefined {
  return isUtf8(raw) ? raw.toString('utf8') : undefined;
}
