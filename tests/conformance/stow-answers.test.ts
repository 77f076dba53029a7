/**
 * STOW-RS answers taken at their word, and no further (issue 20, points 2, 7 and 9): an instance is
 * delivered only when a Store Instances response names it in the Referenced SOP Sequence; a welcome page,
 * an empty body, garbage or another UID is a failure per instance and never enters the delivery log; a
 * 202 names what failed and why; the timeout is inactivity, not duration; an endless answer is cut off;
 * certificate errors are final; a redirect is refused by `send` and `echo` alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_LOG_NAME } from '../../src/main/delivery/delivery-log';
import { parseDestinationUrl } from '../../src/main/delivery/destination';
import { echoDestination } from '../../src/main/delivery/echo';
import { runCliAsync } from '../helpers/cli-async';
import { startSlowSink } from '../helpers/slow-sink';
import { SLICES, convertSample, deliverFiles, sopInstanceUidOf, tally } from '../helpers/delivery-fixture';

let dir: string;
let files: string[];
let uids: string[];
let server: Server;
let tls: Server;
let base: string;
let tlsBase: string;
const authorizations: (string | undefined)[] = [];
let hugeBytesSent = 0;

const SQ = (items: Record<string, unknown>[]): Record<string, unknown> => ({ vr: 'SQ', Value: items });
const ref = (uid: string): Record<string, unknown> => ({ '00081155': { vr: 'UI', Value: [uid] } });
const failed = (uid: string, reason: number): Record<string, unknown> => ({
  ...ref(uid),
  '00081197': { vr: 'US', Value: [reason] },
});
const json = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/dicom+json' }).end(JSON.stringify(body));
};

/** Answers by the first path segment: /good, /welcome, /empty, /garbage, /other, /partial, ... */
function answer(mode: string, request: IncomingMessage, response: ServerResponse): void {
  switch (mode) {
    case 'good':
      return json(response, 200, request.method === 'GET' ? [] : { '00081199': SQ(uids.map(ref)) });
    case 'welcome':
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.end('<html><body><h1>Welcome to nginx!</h1></body></html>');
    case 'empty':
      return void response.writeHead(200).end();
    case 'garbage':
      return void response.writeHead(200, { 'content-type': 'application/dicom+json' }).end('{{{ not json');
    case 'other':
      return json(response, 200, { '00081199': SQ([ref('1.2.3.4.5')]) });
    case 'partial':
      return json(response, 202, {
        '00081199': SQ(uids.slice(0, 4).map(ref)),
        '00081198': SQ(uids.slice(4).map((uid) => failed(uid, 0xc000))),
      });
    case 'conflict':
      return json(response, 409, { '00081198': SQ(uids.map((uid) => failed(uid, 0x0110))) });
    case 'redirect':
      return void response
        .writeHead(302, { location: `${base}/good${request.url?.replace(/^\/redirect/, '') ?? ''}` })
        .end();
    case 'huge':
      return sendHuge(response);
    case 'mute':
      return;
    default:
      return void response.writeHead(404).end();
  }
}

/** 700 MiB of answer, written as fast as the client reads it, until it hangs up. */
function sendHuge(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/dicom+json' });
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const write = (): void => {
    while (hugeBytesSent < 700 * 2 ** 20 && !response.destroyed) {
      hugeBytesSent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', write);
    }
    response.end();
  };
  response.on('close', () => undefined);
  write();
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const mode = request.url?.split('/')[1] ?? '';
  authorizations.push(request.headers.authorization);
  request.resume();
  request.on('end', () => answer(mode, request, response));
}

function listen(target: Server): Promise<number> {
  return new Promise((resolve) =>
    target.listen(0, '127.0.0.1', () => {
      const address = target.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-stow-'));
  files = convertSample(join(dir, 'out'));
  uids = files.map(sopInstanceUidOf);
  server = createServer(handle);
  base = `http://127.0.0.1:${await listen(server)}`;
  // A self-signed certificate: TLS verification refuses it.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tls = createHttpsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    handle,
  );
  tlsBase = `https://127.0.0.1:${await listen(tls)}`;
});
afterAll(async () => {
  server.closeAllConnections();
  tls.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => tls.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

let runs = 0;
function logRoot(): string {
  const root = join(dir, `run-${++runs}`);
  mkdirSync(root);
  return root;
}
function logged(root: string): string {
  const file = join(root, DELIVERY_LOG_NAME);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('the STOW-RS success rule', () => {
  it('a Store Instances response naming every instance: all delivered and logged', async () => {
    const root = logRoot();
    const report = await deliverFiles(`${base}/good`, files, root);
    expect(tally(report)).toEqual({ 'delivered:success': SLICES });
    for (const uid of uids) expect(logged(root)).toContain(uid);
  });

  it.each([
    [
      'welcome',
      /HTTP 200 OK, but the answer is 52 bytes of text\/html that is not a DICOM JSON or XML Store Instances response/,
    ],
    ['empty', /HTTP 200 OK, but the answer is an empty body/],
    ['garbage', /HTTP 200 OK, but the answer is 12 bytes of application\/dicom\+json that is not/],
    [
      'other',
      /HTTP 200: the server's Store Instances response does not list this instance \(2\.25\.\d+\) as stored/,
    ],
  ])('a 200 with %s: every instance failed, named, not retried, nothing logged', async (mode, meaning) => {
    const root = logRoot();
    const report = await deliverFiles(`${base}/${mode}`, files, root);
    expect(tally(report)).toEqual({ 'failed:permanent': SLICES });
    for (const o of report.outcomes) {
      expect(o.status === 'failed' && o.meaning).toMatch(meaning);
      expect(o).toMatchObject({ attempts: 1, httpStatus: 200 });
    }
    for (const uid of uids) expect(logged(root)).not.toContain(uid);
  });

  it('202 with a Failed SOP Sequence: the four referenced are delivered, the rest fail with their Failure Reason', async () => {
    const root = logRoot();
    const report = await deliverFiles(`${base}/partial`, files, root);
    expect(tally(report)).toEqual({ 'delivered:success': 4, 'failed:permanent': SLICES - 4 });
    const failures = report.outcomes.filter((o) => o.status === 'failed');
    expect(failures.map((o) => o.file)).toEqual(files.slice(4));
    for (const o of failures)
      expect(o).toMatchObject({ code: 0xc000, httpStatus: 202, meaning: 'error: cannot understand' });
    for (const uid of uids.slice(0, 4)) expect(logged(root)).toContain(uid);
    for (const uid of uids.slice(4)) expect(logged(root)).not.toContain(uid);
  });

  it('dicom-ink send prints an HTTP 409 as HTTP, never as 0x0199, and exits 1', async () => {
    const run = await runCliAsync([
      'send',
      join(dir, 'out'),
      '--to',
      `${base}/conflict`,
      '--quiet',
      '--resend',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0x0110 processing failure (HTTP 409) [permanent: not retried]');
    expect(run.stdout).not.toContain('0x0199');
  });
});

describe('STOW-RS limits', () => {
  it('a slow but steady upload longer than the timeout succeeds: the timeout is inactivity', async () => {
    // One 40 MB instance to a sink reading about 10 MB/s through a 64 KiB receive buffer: 4 s or more
    // in all, against a 2 s idle limit.
    const big = join(dir, 'big', 'IM0001');
    mkdirSync(join(dir, 'big'));
    writeFileSync(big, Buffer.concat([readFileSync(files[0] ?? ''), Buffer.alloc(40 << 20)]));
    const sink = await startSlowSink([uids[0] ?? '']);
    try {
      const started = Date.now();
      const report = await deliverFiles(`http://127.0.0.1:${sink.port}/dicom-web`, [big], logRoot(), {
        timeoutMs: 2000,
        connections: 1,
        retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      });
      expect(tally(report)).toEqual({ 'delivered:success': 1 });
      expect(Date.now() - started).toBeGreaterThan(3000);
    } finally {
      await sink.close();
    }
  });

  it('a server that takes the files and never answers fails after the idle timeout, as transient', async () => {
    const started = Date.now();
    const report = await deliverFiles(`${base}/mute`, files, logRoot(), {
      timeoutMs: 500,
      connections: 1,
      retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
    });
    expect(tally(report)).toEqual({ 'failed:transient': SLICES });
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].meaning).toMatch(
      /nothing sent or received for \d+ s \(timeout\)/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a 700 MiB answer is read to 8 MiB and refused with a message; the CLI prints its summary', async () => {
    hugeBytesSent = 0;
    const run = await runCliAsync(['send', join(dir, 'out'), '--to', `${base}/huge`, '--quiet', '--resend']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`0 delivered to ${base}/huge`);
    expect(run.stdout).toContain('the answer is longer than 8 MiB');
    expect(run.stderr).not.toContain('ERR_STRING_TOO_LONG');
    expect(hugeBytesSent).toBeLessThan(200 * 2 ** 20);
  });
});

describe('TLS and redirects', () => {
  it('a certificate that does not verify is a final failure, not retried', async () => {
    const report = await deliverFiles(`${tlsBase}/good`, files, logRoot());
    expect(tally(report)).toEqual({ 'failed:permanent': SLICES });
    const first = report.outcomes[0];
    expect(first?.status === 'failed' && first.attempts).toBe(1);
    expect(first?.status === 'failed' && first.meaning).toMatch(
      /TLS certificate of https:\/\/127\.0\.0\.1:\d+\/good is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
    );
  });

  it('echo refuses a redirect as send does', async () => {
    const destination = parseDestinationUrl(`${base}/redirect`);
    if (!destination.ok) throw new Error(destination.reason);
    const echo = await echoDestination(destination.value, 2000);
    expect(echo.ok).toBe(false);
    expect(!echo.ok && echo.reason).toMatch(
      /HTTP 302 Found: the server redirects to http:\/\/127\.0\.0\.1:\d+\/good\/studies/,
    );
    const report = await deliverFiles(`${base}/redirect`, files, logRoot());
    expect(tally(report)).toEqual({ 'failed:permanent': SLICES });
  });
});

describe('secrets off the command line', () => {
  it('--token-file, $DICOM_INK_TOKEN and $DICOM_INK_PASSWORD reach the server as Authorization', async () => {
    const tokenFile = join(dir, 'token.txt');
    writeFileSync(tokenFile, 'from-file\n', { mode: 0o600 });
    authorizations.length = 0;
    const fromFile = await runCliAsync(['echo', `${base}/good`, '--token-file', tokenFile]);
    expect(fromFile.code).toBe(0);
    const fromEnv = await runCliAsync(['echo', `${base}/good`], { env: { DICOM_INK_TOKEN: 'from-env' } });
    expect(fromEnv.code).toBe(0);
    const basic = await runCliAsync(['echo', base.replace('//', '//ink@') + '/good'], {
      env: { DICOM_INK_PASSWORD: 's3cret' },
    });
    expect(basic.code).toBe(0);
    expect(authorizations).toEqual([
      'Bearer from-file',
      'Bearer from-env',
      `Basic ${Buffer.from('ink:s3cret').toString('base64')}`,
    ]);
  });
});
