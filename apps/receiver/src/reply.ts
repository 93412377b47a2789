import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer straight to the socket. Express's res.json would also
 * compute an ETag and walk its content-type machinery on every webhook; none
 * of that is useful to a machine sender, and it is a measurable part of a
 * sub-millisecond request.
 */
export function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  const payload = JSON.stringify(body);
  // A flat [name, value, …] list: node:http takes it without copying an object.
  const list = [
    'content-type',
    'application/json; charset=utf-8',
    'content-length',
    String(Buffer.byteLength(payload)),
  ];
  if (headers) for (const [name, value] of Object.entries(headers)) list.push(name, value);
  res.writeHead(status, list);
  res.end(payload);
}

export const RETRY_AFTER_SECONDS = '5';

export const answers = {
  unknownSource: { error: 'unknown_source' },
  unauthorized: { error: 'unauthorized' },
  unsupportedMediaType: { error: 'unsupported_media_type' },
  payloadTooLarge: { error: 'payload_too_large' },
  unavailable: { error: 'unavailable' },
} as const;
