/**
 * Browser mode: the same handlers as Electron IPC, served over HTTP on 127.0.0.1 only.
 *   POST /api/invoke/<channel>   wire-encoded (or JSON) request body -> wire-encoded IpcResult
 *                                (src/shared/ipc/wire.ts: bytes, e.g. an imported mask, travel as bytes)
 *   GET  /api/events?token=...   server-sent events: `event: <channel>` + JSON payload
 *   GET  /...                    the built renderer, with the CSP header
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventChannel } from '../../../shared/ipc/contract';
import { MAX_FINDING_BYTES } from '../../../shared/ipc/findings';
import { decodeWire, encodeWire } from '../../../shared/ipc/wire';
import { BRIDGE_CSP } from '../csp';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { checkApiRequest, checkHostAndOrigin, TOKEN_HEADER, type RequestFacts } from './bridge-security';
import { createLatestEvents, type LatestEvents } from './latest-events';
import { readStatic } from './static-files';

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export interface BridgeOptions {
  handlers: Handlers;
  /** registers a sink for main's events; returns the unsubscribe function */
  subscribe(sink: EventSink): () => void;
  /** folder of the built renderer (dist/renderer) */
  staticRoot: string;
  /** 0 or absent: any free port */
  port?: number;
  /** fixed token (tests); default 32 random bytes */
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The largest request: imported finding files (masks) with room for the envelope's JSON. */
const MAX_BODY = MAX_FINDING_BYTES + 16 * 1024 * 1024;
const WIRE_TYPE = 'application/octet-stream';
const SECURITY_HEADERS = {
  'Content-Security-Policy': BRIDGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function factsOf(request: IncomingMessage, url: URL): RequestFacts {
  const header = request.headers[TOKEN_HEADER];
  return {
    host: request.headers.host,
    origin: request.headers.origin,
    token: (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('token'),
  };
}

function refuse(response: ServerResponse, status: number, reason: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${reason}\n`);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The request as the client sent it: the wire envelope (octet-stream) or plain JSON. */
function parseBody(request: IncomingMessage, body: Buffer): unknown {
  if (body.length === 0) return {};
  if (request.headers['content-type'] === WIRE_TYPE) {
    const copy = new Uint8Array(body.byteLength);
    copy.set(body);
    return decodeWire(copy.buffer);
  }
  return JSON.parse(body.toString('utf8'));
}

async function invoke(
  handlers: Handlers,
  channel: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') return refuse(response, 405, 'Use POST for /api/invoke.');
  const body = await readBody(request);
  if (body === undefined) return refuse(response, 413, `The request body is larger than ${MAX_BODY} bytes.`);
  let payload: unknown;
  try {
    payload = parseBody(request, body);
  } catch {
    return refuse(response, 400, 'The request body is neither JSON nor a wire envelope.');
  }
  // Every request here carried the one token, so there is one client: one caller for all of them.
  const result = await dispatch(handlers, channel, payload, 'browser');
  const bytes = encodeWire(result);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
  });
  response.end(bytes);
}

const sse = (channel: EventChannel, payload: unknown): string =>
  `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;

function events(
  subscribe: BridgeOptions['subscribe'],
  latest: LatestEvents,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  // Where everything stands first, then every event from now on; both in this tick, so nothing falls between.
  for (const { channel, payload } of latest.replay()) response.write(sse(channel, payload));
  const unsubscribe = subscribe((channel, payload) => response.write(sse(channel, payload)));
  request.on('close', unsubscribe);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const latest = createLatestEvents();
  const forget = options.subscribe((channel, payload) => latest.remember(channel, payload));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const facts = factsOf(request, url);
    const site = checkHostAndOrigin(facts, port);
    if (!site.ok) return refuse(response, site.status, site.reason);
    if (url.pathname.startsWith('/api/')) {
      const verdict = checkApiRequest(facts, port, token);
      if (!verdict.ok) return refuse(response, verdict.status, verdict.reason);
      if (url.pathname === '/api/events') return events(options.subscribe, latest, request, response);
      const channel = /^\/api\/invoke\/([a-z:-]+)$/.exec(url.pathname)?.[1];
      if (!channel) return refuse(response, 404, `No API at ${url.pathname}.`);
      invoke(options.handlers, channel, request, response).catch((error: unknown) => {
        refuse(response, 500, `The bridge failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'Only GET is served.');
    readStatic(options.staticRoot, url.pathname)
      .then((file) => {
        if (!file) return refuse(response, 404, `Not found: ${url.pathname}`);
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': file.contentType,
          'Cache-Control': 'no-cache',
        });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      })
      .catch((error: unknown) => refuse(response, 500, String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        forget();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
