import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOutputDir } from '../../../src/main/app/output-dir';
import { createPathGuard } from '../../../src/main/app/path-guard';
import { createExportService } from '../../../src/main/app/services/export-service';
import { createSessionService } from '../../../src/main/app/services/session-service';
import type { ConversionJob } from '../../../src/main/export/job';
import { createSessionRegistry } from '../../../src/main/session';
import { emptyDocument } from '../../../src/shared/editor';
import type { ExportProgress, ExportRequest } from '../../../src/shared/ipc/export';
import { parseRequest } from '../../../src/shared/ipc/validate';
import { conversionSummary } from '../../helpers/conversion-summary';
import type { FileOutcome } from '../../../src/main/convert/outcome';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-export-service-'));
const study = path.join(work, 'study');
mkdirSync(study);
writeFileSync(path.join(study, 'IM1'), 'x');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const request: ExportRequest = {
  inputs: [path.join(study, 'IM1')],
  outDir: path.join(work, 'out'),
  window: { kind: 'preset', name: 'Lung' },
  thickness: 3,
  labels: true,
  overwrite: false,
  boxes: [
    {
      sopInstanceUid: '1.2.3',
      frame: 1,
      x1: 1,
      y1: 2,
      x2: 3,
      y2: 4,
      color: [0, 255, 0],
      thickness: 6,
      label: 'a',
    },
  ],
};

describe('export service', () => {
  it('passes the boxes as a temporary JSON box file, reports the end, and removes the file', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    let seen: { job: ConversionJob; boxText: string } | undefined;
    const service = createExportService({
      guard,
      run: async (job, hooks) => {
        seen = { job, boxText: readFileSync(job.boxFile ?? '', 'utf8') };
        hooks.onProgress?.({ done: 1, converted: 1, skipped: 0, failed: 0, total: 1, elapsedMs: 5 });
        const outcomes: FileOutcome[] = [
          { status: 'converted', input: 'IM1', output: 'o', frames: 1, boxesDrawn: 1, matchedBoxOrigins: [] },
        ];
        return conversionSummary('completed', outcomes, 5);
      },
    });
    const events: ExportProgress[] = [];
    service.onProgress((p) => events.push(p));
    const started = await service.start(request);
    expect(started).toEqual({ ok: true, value: { jobId: 'export-1' } });
    await service.idle();
    expect(seen?.job.settings).toMatchObject({
      window: { kind: 'preset', name: 'Lung' },
      thickness: 3,
      labels: true,
    });
    expect(JSON.parse(seen?.boxText ?? '[]')).toEqual([
      expect.objectContaining({
        sop_instance_uid: '1.2.3',
        x1: 1,
        y2: 4,
        label: 'a',
        color: '00ff00',
        thickness: 6,
      }),
    ]);
    expect(() => readFileSync(seen?.job.boxFile ?? '')).toThrow();
    expect(events.map((e) => e.state)).toEqual(['running', 'completed']);
    expect(events[1]).toMatchObject({ converted: 1, skippedCount: 0, failedCount: 0 });
  });

  it("hands the dialog's notice and algorithm to the job; without a notice, auto (as the CLI)", async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const jobs: ConversionJob[] = [];
    const service = createExportService({
      guard,
      run: async (job) => {
        jobs.push(job);
        return { status: 'failed', reason: 'stop here', cause: 'inputs' };
      },
    });
    const algorithm = { name: 'KidneyNet', version: '2.1', manufacturer: 'Acme AI' };
    await service.start({ ...request, notice: { kind: 'text', text: 'AI draft' }, algorithm });
    await service.idle();
    await service.start({ ...request, notice: { kind: 'none' } });
    await service.idle();
    await service.start(request);
    await service.idle();
    expect(jobs.map((j) => j.settings.notice)).toEqual([
      { kind: 'text', text: 'AI draft' },
      undefined,
      { kind: 'auto' },
    ]);
    expect(jobs.map((j) => j.algorithm)).toEqual([algorithm, undefined, undefined]);
  });

  it('keeps telling the window while a slow file holds the job, with the time moved on', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    let finishSlowFile: () => void = () => undefined;
    const slowFile = new Promise<void>((resolve) => (finishSlowFile = resolve));
    const service = createExportService({
      guard,
      progressIntervalMs: 10,
      progressHeartbeatMs: 20,
      run: async (_job, hooks) => {
        hooks.onProgress?.({ done: 1, converted: 1, skipped: 0, failed: 0, total: 3, elapsedMs: 5 });
        await slowFile;
        const outcomes: FileOutcome[] = [];
        return conversionSummary('completed', outcomes, 9);
      },
    });
    const events: ExportProgress[] = [];
    let heartbeats: () => void = () => undefined;
    const threeMore = new Promise<void>((resolve) => (heartbeats = resolve));
    service.onProgress((p) => {
      events.push(p);
      if (events.length === 4) heartbeats();
    });
    await service.start(request);
    // Events the service sends by itself, with no progress from the engine: waited for, not slept on.
    await threeMore;
    finishSlowFile();
    await service.idle();
    const running = events.filter((e) => e.state === 'running');
    expect(running.length).toBeGreaterThanOrEqual(4);
    expect(running.every((e) => e.done === 1 && e.total === 3)).toBe(true);
    const elapsed = running.map((e) => e.elapsedMs);
    expect(elapsed).toEqual([...elapsed].sort((a, b) => a - b));
    expect(elapsed.at(-1)).toBeGreaterThan(elapsed[0] ?? Infinity);
    expect(events.at(-1)?.state).toBe('completed');
  });

  it('refuses inputs outside the opened folders and system output folders', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const service = createExportService({ guard, run: () => Promise.reject(new Error('not called')) });
    const outside = await service.start({ ...request, inputs: ['/etc/passwd'] });
    expect(outside.ok ? '' : outside.error).toMatch(/outside the folders you opened/);
    const system = await service.start({ ...request, outDir: '/usr/share/out' });
    expect(system.ok ? '' : system.error).toMatch(/system folder \/usr/);
  });
});

describe('output folder', () => {
  it('must be absolute, not a disk root, and is resolved', async () => {
    expect((await resolveOutputDir('relative/out')).ok).toBe(false);
    expect((await resolveOutputDir('/')).ok).toBe(false);
    expect(await resolveOutputDir(`${work}/a/../b`)).toEqual({ ok: true, value: path.join(work, 'b') });
  });
});

describe('IPC validation of the new channels', () => {
  it('refuses an export with unknown keys, a zero thickness or corners out of order', () => {
    expect(parseRequest('export:start', request).ok).toBe(true);
    expect(parseRequest('export:start', { ...request, extra: 1 }).ok).toBe(false);
    expect(parseRequest('export:start', { ...request, thickness: 0 }).ok).toBe(false);
    const flipped = { ...request, boxes: [{ ...request.boxes[0], x1: 9, x2: 3 }] };
    expect(parseRequest('export:start', flipped).ok).toBe(false);
  });
});

describe('session service', () => {
  it('a save pending in its debounce window is on disk before the next load', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const sessions = createSessionService(
      guard,
      createSessionRegistry({ dataDir: path.join(work, 'data'), debounceMs: 60_000 }),
    );
    const settings = {
      window: { kind: 'auto' as const },
      thickness: 4,
      color: [255, 0, 0] as const,
      labels: true,
    };
    const document = {
      boxes: [
        {
          id: 'b1',
          sliceKey: '1.2',
          frame: 1,
          x1: 1,
          y1: 1,
          x2: 5,
          y2: 5,
          color: [255, 0, 0] as const,
          thickness: 4,
        },
      ],
      nextId: 2,
    };
    expect((await sessions.save(study, { document, settings })).ok).toBe(true);
    const loaded = await sessions.load(study);
    expect(loaded.ok && loaded.value.document.boxes[0]?.x2).toBe(5);
    expect(loaded.ok && loaded.value.restored).toBe(true);
    const refused = await sessions.save('/etc', { document: emptyDocument, settings });
    expect(refused.ok).toBe(false);
  });
});
