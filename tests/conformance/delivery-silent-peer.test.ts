/**
 * A DICOM peer that accepts TCP and never speaks, or never accepts (issue 20, point 1): `echo`, `send`,
 * `convert --send` and the app's Test button each end within their timeout (plus the retries' back-off)
 * with a failure per instance, the socket destroyed rather than waiting for a close that never comes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDestinationsService } from '../../src/main/app/services/destinations-service';
import { parseDestinationUrl } from '../../src/main/delivery/destination';
import type { Destination } from '../../src/main/delivery/destination';
import { echoDestination } from '../../src/main/delivery/echo';
import { runCliAsync } from '../helpers/cli-async';
import { SAMPLE, SLICES, convertSample, deliverFiles, tally } from '../helpers/delivery-fixture';
import { startNonAcceptingListener, startSilentListener } from '../helpers/silent-peers';
import type { SilentPeer } from '../helpers/silent-peers';

let dir: string;
let files: string[];
let silent: SilentPeer;
let closed: SilentPeer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-silent-'));
  files = convertSample(join(dir, 'out'));
  silent = await startSilentListener();
  closed = await startNonAcceptingListener();
});
afterAll(async () => {
  await silent.close();
  await closed.close();
  rmSync(dir, { recursive: true, force: true });
});

function dimse(port: number): Destination {
  const parsed = parseDestinationUrl(`dicom://PACS@127.0.0.1:${port}`);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('a peer that accepts and never speaks', () => {
  it('echo fails with a timeout after its limit, not later', async () => {
    const started = Date.now();
    const result = await echoDestination(dimse(silent.port), 1000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no answer from 127\.0\.0\.1:\d+ .*\(timeout\)/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a C-STORE batch fails every instance as a transient timeout, retried, then ends', async () => {
    const started = Date.now();
    const report = await deliverFiles(`dicom://PACS@127.0.0.1:${silent.port}`, files, join(dir, 'out'), {
      timeoutMs: 1000,
      retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 20 },
      connections: 1,
    });
    expect(tally(report)).toEqual({ 'failed:transient': SLICES });
    expect(report.outcomes.every((o) => o.status === 'failed' && o.attempts === 2)).toBe(true);
    expect(report.sentNow).toBe(0);
    // two attempts of one second each, and the library's one-second timer granularity
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('the app Test button answers "not reachable" within its limit', async () => {
    const service = createDestinationsService({ file: join(dir, 'none.json'), echoTimeoutMs: 1000 });
    const started = Date.now();
    const result = await service.test(`dicom://PACS@127.0.0.1:${silent.port}`);
    expect(result.ok && result.value.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('dicom-ink echo ends by its documented default of 10 s, exit 1', async () => {
    const run = await runCliAsync(['echo', `dicom://PACS@127.0.0.1:${silent.port}`], { killAfterMs: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no answer from 127\.0\.0\.1:\d+ .*\(timeout\)/);
    expect(run.ms).toBeGreaterThan(9000);
    // 10 s, plus the CLI's start-up on a loaded machine
    expect(run.ms).toBeLessThan(16_000);
  });

  it('dicom-ink send --timeout 1 --retries 0 ends in seconds, exit 1, every instance failed in the report', async () => {
    const report = join(dir, 'send.json');
    const run = await runCliAsync(
      [
        'send',
        join(dir, 'out'),
        '--to',
        `dicom://PACS@127.0.0.1:${silent.port}`,
        '--timeout',
        '1',
        '--retries',
        '0',
        '--report',
        report,
        '--quiet',
      ],
      { killAfterMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(10_000);
    const outcomes = (
      JSON.parse(readFileSync(report, 'utf8')) as {
        delivery: { outcomes: { status: string; meaning: string }[] };
      }
    ).delivery.outcomes;
    expect(outcomes).toHaveLength(SLICES);
    expect(outcomes.every((o) => o.status === 'failed' && /timeout/.test(o.meaning))).toBe(true);
  });

  it('dicom-ink convert --send ends in seconds with exit 1 and says what was not delivered', async () => {
    const run = await runCliAsync(
      [
        'convert',
        SAMPLE,
        '--out',
        join(dir, 'converted'),
        '--send',
        `dicom://PACS@127.0.0.1:${silent.port}`,
        '--timeout',
        '1',
        '--retries',
        '0',
        '--quiet',
      ],
      { killAfterMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`0 delivered to dicom://PACS@127.0.0.1:${silent.port}`);
    expect(run.stdout).toContain(`${SLICES} failed`);
    expect(run.ms).toBeLessThan(15_000);
  });
});

describe('a peer that never accepts (backlog full)', () => {
  it('echo and a C-STORE batch fail with a timeout within their limit', async () => {
    const started = Date.now();
    const echo = await echoDestination(dimse(closed.port), 1000);
    expect(echo.ok).toBe(false);
    const report = await deliverFiles(`dicom://PACS@127.0.0.1:${closed.port}`, files, join(dir, 'out'), {
      timeoutMs: 1000,
      retry: { attempts: 1, baseDelayMs: 20, maxDelayMs: 20 },
      connections: 1,
    });
    expect(tally(report)).toEqual({ 'failed:transient': SLICES });
    expect(Date.now() - started).toBeLessThan(8000);
  });
});
