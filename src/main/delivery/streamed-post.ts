import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A piece of a request body: literal text, or a file streamed from disk (its size known in advance). */
export type BodyPart = string | { path: string; size: number };

export function bodyLength(parts: readonly BodyPart[]): number {
  return parts.reduce(
    (sum, part) => sum + (typeof part === 'string' ? Buffer.byteLength(part) : part.size),
    0,
  );
}

async function* bodyChunks(parts: readonly BodyPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (typeof part === 'string') yield Buffer.from(part);
    else
      for await (const chunk of createReadStream(part.path, { highWaterMark: 1 << 20 }))
        yield chunk as Buffer;
  }
}

export interface PostAnswer {
  status: number;
  statusText: string;
  contentType: string;
  /** the Location header of a redirect */
  location?: string;
  text: string;
}

/** More than a Store Instances response can need: 50 instances answer in well under 100 KB. */
export const MAX_RESPONSE_BYTES = 8 << 20;

/** The error of a request idle for its whole timeout (no byte sent or received). */
export class IdleTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly idleMs: number) {
    super(`nothing sent or received for ${Math.round(idleMs / 1000)} s`);
  }
}

/** The error of an answer longer than MAX_RESPONSE_BYTES (read no further). */
export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
  constructor(readonly status: number) {
    super(
      `HTTP ${status}: the answer is longer than ${MAX_RESPONSE_BYTES >> 20} MiB, more than any Store Instances response needs; reading stopped (check that the URL is the DICOMweb root)`,
    );
  }
}

/**
 * POSTs `parts` with node:http(s), each file streamed from disk with backpressure and a Content-Length
 * computed from the parts, so memory stays at about a megabyte whatever the body's size. (Node 20's
 * fetch buffers a streamed request body: sending a 1 GiB body through it raised the peak resident
 * memory by about 1 GiB.) The request fails after `idleMs` without a byte moving either way (a slow
 * but steady upload goes on), and reads at most MAX_RESPONSE_BYTES of the answer. Rejects with the
 * socket error (its `code`, e.g. ECONNREFUSED), an IdleTimeoutError, a ResponseTooLargeError or, when
 * `signal` aborts, an AbortError.
 */
export function postStreamed(
  url: string,
  headers: Record<string, string>,
  parts: readonly BodyPart[],
  options: { idleMs: number; signal?: AbortSignal },
): Promise<PostAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise<PostAnswer>((resolve, reject) => {
    const request = send(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(bodyLength(parts)) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
      request.destroy();
    };
    request.setTimeout(options.idleMs, () => fail(new IdleTimeoutError(options.idleMs)));
    request.on('error', fail);
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let length = 0;
      response.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > MAX_RESPONSE_BYTES) fail(new ResponseTooLargeError(response.statusCode ?? 0));
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        if (settled) return;
        settled = true;
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          contentType: response.headers['content-type'] ?? '',
          ...(response.headers.location !== undefined ? { location: response.headers.location } : {}),
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    // A server may answer (e.g. 503) before reading the whole body: the answer wins over the broken pipe.
    pipeline(Readable.from(bodyChunks(parts)), request).catch((error: unknown) => {
      setTimeout(() => fail(error), 50);
    });
  });
}
