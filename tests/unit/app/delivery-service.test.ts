/**
 * The app's delivery service runs the CLI's engine in main: a destination is resolved the CLI's way, the
 * export job's files are sent, progress is pushed and the end lists every instance. Real DICOM files (the
 * bundled sample) and a loopback port with nothing listening; the servers themselves are in tests/e2e.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listedOutcome, shownPath } from '../../../src/main/app/services/delivery-outcomes';
import { createDeliveryService, throttled } from '../../../src/main/app/services/delivery-service';
import { createJobOutputs } from '../../../src/main/app/services/job-outputs';
import type { DeliveryEvent } from '../../../src/shared/ipc/delivery';
import { freePort } from '../../helpers/orthanc';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-delivery-service-'));
const out = path.join(work, 'out');
mkdirSync(path.join(out, 'series'), { recursive: true });
const files = ['IM0001', 'IM0002', 'IM0003'].map((name) => {
  const file = path.join(out, 'series', name);
  copyFileSync(path.resolve('assets/sample/abdomen-ct/series-1', name), file);
  return file;
});
const destinationsFile = path.join(work, 'config', 'destinations.json');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fastRetry = { attempts: 2, baseDelayMs: 20, maxDelayMs: 20 };

function serviceWithJob() {
  const outputs = createJobOutputs();
  for (const file of files) outputs.record('export-1', out, file);
  const service = createDeliveryService({ outputs, destinationsFile, retry: fastRetry });
  const events: DeliveryEvent[] = [];
  service.onProgress((event) => events.push(event));
  return { service, events };
}

describe('delivery service', () => {
  it('sends an export job’s files; a closed port gives each a worded, transient failure after the retries', async () => {
    const port = await freePort();
    const { service, events } = serviceWithJob();
    const sent = await service.sendJob('export-1', `dicom://NOBODY@127.0.0.1:${port}`);
    expect(sent).toEqual({ ok: true, value: { deliveryId: 'send-1' } });
    await service.idle();
    expect(events[0]).toMatchObject({ state: 'running', jobId: 'export-1', deliveryId: 'send-1' });
    const end = events.at(-1);
    expect(end).toMatchObject({
      state: 'completed',
      target: `dicom://NOBODY@127.0.0.1:${port} (calling AE DICOMINK)`,
      delivered: 0,
      failed: 3,
      notSent: 0,
      sentNow: 0,
    });
    expect(end?.state === 'completed' ? end.outcomes : []).toEqual(
      ['IM0001', 'IM0002', 'IM0003'].map((name) => ({
        file: path.join('series', name),
        kind: 'failed',
        meaning: `connection refused: nothing is listening on 127.0.0.1:${port} (after 2 attempts)`,
        transient: true,
        attempts: 2,
      })),
    );
  });

  it('cancelling while instances wait for a retry ends at once and lists them as not sent', async () => {
    const port = await freePort();
    const outputs = createJobOutputs();
    for (const file of files) outputs.record('export-1', out, file);
    const service = createDeliveryService({
      outputs,
      destinationsFile,
      retry: { attempts: 4, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      progressIntervalMs: 0,
    });
    const events: DeliveryEvent[] = [];
    service.onProgress((event) => {
      events.push(event);
      if (event.state === 'running' && event.retrying === 3) service.cancel('send-1');
    });
    const started = Date.now();
    await service.sendJob('export-1', `dicom://NOBODY@127.0.0.1:${port}`);
    await service.idle();
    expect(Date.now() - started).toBeLessThan(30_000);
    const end = events.at(-1);
    expect(end).toMatchObject({ state: 'cancelled', delivered: 0, failed: 0, notSent: 3 });
    expect(end?.state === 'cancelled' && end.outcomes.map((o) => [o.kind, o.meaning])).toEqual([
      ['not-sent', 'cancelled while waiting to retry'],
      ['not-sent', 'cancelled while waiting to retry'],
      ['not-sent', 'cancelled while waiting to retry'],
    ]);
    expect(service.cancel('send-1')).toBe(false);
  });

  it('the export’s cancel signal cancels the delivery it opened', async () => {
    const port = await freePort();
    const { service, events } = serviceWithJob();
    const exportAbort = new AbortController();
    const opened = await service.open(
      'export-7',
      `dicom://NOBODY@127.0.0.1:${port}`,
      out,
      exportAbort.signal,
    );
    if (!opened.ok) throw new Error(opened.error);
    exportAbort.abort();
    for (const file of files) opened.value.add(file);
    opened.value.end();
    await service.idle();
    expect(events.at(-1)).toMatchObject({ state: 'cancelled', jobId: 'export-7', notSent: 3, delivered: 0 });
  });

  it('refuses an unknown name, a malformed URL and a job that wrote nothing, in words', async () => {
    const { service } = serviceWithJob();
    const unknown = await service.sendJob('export-1', 'pacs-that-is-not-saved');
    expect(unknown.ok ? '' : unknown.error).toBe(
      'Cannot send: "pacs-that-is-not-saved" is neither a saved destination nor a URL (no destinations are saved yet); use dicom://AETITLE@host:port or http(s)://host[:port]/dicom-web.',
    );
    const malformed = await service.sendJob('export-1', 'dicom://user:pw@host:104');
    expect(malformed.ok ? '' : malformed.error).toMatch(/needs exactly one AE title before "@"/);
    expect(malformed.ok ? '' : malformed.error).not.toContain(':pw@');
    const nothing = await service.sendJob('export-9', 'dicom://PACS@127.0.0.1:104');
    expect(nothing.ok ? '' : nothing.error).toBe('This export wrote no files, so there is nothing to send.');
  });
});

describe('listed outcomes', () => {
  it('name files relative to the output folder, DIMSE codes in hex, and HTTP codes once', () => {
    expect(shownPath(path.join(out, 'a', 'IM1'), out)).toBe(path.join('a', 'IM1'));
    expect(shownPath('/elsewhere/IM1', out)).toBe('/elsewhere/IM1');
    expect(
      listedOutcome(
        {
          status: 'failed',
          file: path.join(out, 'IM1'),
          transient: false,
          code: 0xa900,
          meaning: 'error: data set does not match SOP class',
          attempts: 1,
        },
        out,
      ),
    ).toEqual({
      file: 'IM1',
      kind: 'failed',
      code: '0xA900',
      meaning: 'error: data set does not match SOP class',
      transient: false,
      attempts: 1,
    });
    expect(
      listedOutcome(
        {
          status: 'failed',
          file: 'x',
          transient: false,
          code: 404,
          meaning: 'HTTP 404 Not Found',
          attempts: 1,
        },
        out,
      ).code,
    ).toBeUndefined();
    expect(
      listedOutcome(
        {
          status: 'delivered',
          file: 'x',
          sopInstanceUid: '1',
          detail: 'already-stored',
          code: 0x0111,
          meaning: 'duplicate SOP instance',
          attempts: 1,
        },
        out,
      ),
    ).toMatchObject({ kind: 'already-stored', code: '0x0111' });
    expect(
      listedOutcome(
        { status: 'delivered', file: 'x', sopInstanceUid: '1', detail: 'success', code: 0, attempts: 1 },
        out,
      ),
    ).toEqual({ file: 'x', kind: 'delivered', attempts: 1 });
  });
});

describe('throttled progress', () => {
  it('passes the first value, holds the rest of the interval, then delivers only the latest', () => {
    vi.useFakeTimers();
    try {
      const seen: number[] = [];
      const progress = throttled(100, (n: number) => seen.push(n));
      progress.push(1);
      progress.push(2);
      progress.push(3);
      expect(seen).toEqual([1]);
      vi.advanceTimersByTime(100);
      expect(seen).toEqual([1, 3]);
      progress.push(4);
      progress.stop();
      vi.advanceTimersByTime(200);
      expect(seen).toEqual([1, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});
