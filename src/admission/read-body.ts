import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.ts';

/**
 * The request body as text, refused with 413 past `maxBytes` whether or not Content-Length tells
 * the truth. Behind the Node server the body is read from the socket's `IncomingMessage` itself:
 * reaching for the Web `Request` body made @hono/node-server build a full undici Request with an
 * AbortSignal per review, and those (with their listeners) piled up on keep-alive connections,
 * about 8 KB per request under load. Tests that call `app.request()` have no IncomingMessage and
 * read the Web stream. (Hono's bodyLimit middleware is not used: it also retained memory.)
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  incoming?: IncomingMessage,
): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, `AdmissionReview larger than ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const add = (chunk: Uint8Array): void => {
    size += chunk.byteLength;
    if (size > maxBytes) throw new HttpError(413, `AdmissionReview larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  };
  if (incoming !== undefined) {
    // Stopping early must not destroy the request (that would close the socket before the 413
    // is written); Node discards what is left of the body once the response is sent.
    for await (const chunk of incoming.iterator({ destroyOnReturn: false }))
      add(chunk as Uint8Array);
    return Buffer.concat(chunks).toString('utf8');
  }
  // Node's Request types its body loosely; on the wire it is bytes.
  const reader = (request.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader === undefined) return '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    try {
      add(value);
    } catch (error) {
      await reader.cancel();
      throw error;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
