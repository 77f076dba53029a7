/**
 * An export started with a destination (`sendTo`) sends each output as the engine reports it verified,
 * as `convert --send` does: new files and files kept from an earlier export, never failed ones; the
 * export's cancel reaches the delivery; an unusable destination stops the export before anything is written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from '../../../src/main/app/path-guard';
import type { AppDelivery, DeliveryService } from '../../../src/main/app/services/delivery-service';
import { createExportService, type RunConversion } from '../../../src/main/app/services/export-service';
import { createJobOutputs } from '../../../src/main/app/services/job-outputs';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import { conversionSummary } from '../../helpers/conversion-summary';
import type { ExportProgress, ExportRequest } from '../../../src/shared/ipc/export';
import type { TwinOutcome } from '../../../src/main/twin/write-twins';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-export-send-'));
const study = path.join(work, 'study');
mkdirSync(study);
writeFileSync(path.join(study, 'IM1'), 'x');
const out = path.join(work, 'out');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const request: ExportRequest = {
  inputs: [path.join(study, 'IM1')],
  outDir: out,
  window: { kind: 'auto' },
  thickness: 4,
  labels: false,
  overwrite: false,
  boxes: [],
  sendTo: 'orthanc',
};

/** Three outcomes: a new output, one kept from an earlier run, and a failure (no output). */
const run: RunConversion = async (_job, hooks) => {
  const outcomes: FileOutcome[] = [
    {
      status: 'converted',
      input: 'a',
      output: path.join(out, 'a'),
      frames: 1,
      boxesDrawn: 0,
      matchedBoxOrigins: [],
    },
    { status: 'skipped', input: 'b', reason: 'exists', existingOutput: path.join(out, 'b') },
    { status: 'failed', input: 'c', reason: 'broken' },
  ];
  let done = 0;
  for (const last of outcomes)
    hooks.onProgress?.({ done: ++done, converted: 1, skipped: 0, failed: 0, elapsedMs: 1, last });
  return conversionSummary('completed', outcomes, 3);
};

function recordingDeliveries() {
  const calls: {
    jobId: string;
    to: string;
    outDir: string;
    signal?: AbortSignal;
    added: string[];
    ended: boolean;
  }[] = [];
  const deliveries: Pick<DeliveryService, 'open'> = {
    open: async (jobId, to, outDir, signal) => {
      if (to === 'typo')
        return { ok: false, error: 'Cannot send: "typo" is neither a saved destination nor a URL.' };
      const call = { jobId, to, outDir, signal, added: [] as string[], ended: false };
      calls.push(call);
      const delivery: AppDelivery = {
        deliveryId: 'send-1',
        add: (file) => call.added.push(file),
        end: () => (call.ended = true),
      };
      return { ok: true, value: delivery };
    },
  };
  return { deliveries, calls };
}

describe('export with a destination', () => {
  it('hands each new or kept output to the delivery, ends it with the job, and keeps the files for Send to…', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const outputs = createJobOutputs();
    const { deliveries, calls } = recordingDeliveries();
    const service = createExportService({ guard, run, outputs, deliveries });
    const started = await service.start(request);
    expect(started).toEqual({ ok: true, value: { jobId: 'export-1', deliveryId: 'send-1' } });
    await service.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ jobId: 'export-1', to: 'orthanc', outDir: out, ended: true });
    expect(calls[0]?.added).toEqual([path.join(out, 'a'), path.join(out, 'b')]);
    expect(outputs.get('export-1')).toEqual({
      outDir: out,
      files: [path.join(out, 'a'), path.join(out, 'b')],
    });
  });

  it('cancelling the export aborts the signal its delivery was opened with', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const { deliveries, calls } = recordingDeliveries();
    let release: () => void = () => undefined;
    let invoked: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (invoked = resolve));
    const held: RunConversion = (job, hooks) =>
      new Promise((resolve) => {
        release = () => void run(job, hooks).then(resolve);
        invoked();
      });
    const service = createExportService({ guard, run: held, deliveries });
    const started = await service.start(request);
    expect(started.ok).toBe(true);
    expect(calls[0]?.signal?.aborted).toBe(false);
    expect(service.cancel('export-1')).toBe(true);
    expect(calls[0]?.signal?.aborted).toBe(true);
    await running;
    release();
    await service.idle();
    expect(calls[0]?.ended).toBe(true);
  });

  it('an unusable destination refuses the export before anything runs; without sendTo nothing is sent', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const { deliveries, calls } = recordingDeliveries();
    let ran = 0;
    const service = createExportService({
      guard,
      run: async (job, hooks) => {
        ran++;
        return run(job, hooks);
      },
      deliveries,
    });
    const refused = await service.start({ ...request, sendTo: 'typo' });
    expect(refused).toEqual({
      ok: false,
      error: 'Cannot send: "typo" is neither a saved destination nor a URL.',
    });
    expect(ran).toBe(0);
    const { sendTo: _none, ...plain } = request;
    expect(await service.start(plain)).toEqual({ ok: true, value: { jobId: 'export-2' } });
    await service.idle();
    expect(ran).toBe(1);
    expect(calls).toHaveLength(0);
  });
});

describe('export with twins (the dialog\'s "Also write")', () => {
  it('asks the engine for the twins, sends written and kept ones like the images, and lists them in the result', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const outputs = createJobOutputs();
    const { deliveries, calls } = recordingDeliveries();
    const twins: TwinOutcome[] = [
      {
        status: 'written',
        kind: 'gsps',
        output: path.join(out, 'gsps.dcm'),
        sopInstanceUid: '2.25.1',
        findings: 6,
        images: 24,
        originals: [],
      },
      {
        status: 'skipped',
        kind: 'sr',
        output: path.join(out, 'sr.dcm'),
        reason: 'exists; pass --overwrite to replace it',
        originals: [],
      },
      { status: 'failed', kind: 'sr', output: path.join(out, 'sr2.dcm'), reason: 'disk full' },
    ];
    let asked: string | undefined;
    const withTwins: RunConversion = async (job, hooks) => {
      asked = job.settings.twin;
      const summary = await run(job, hooks);
      for (const twin of twins) hooks.onTwin?.(twin);
      return { ...summary, twins };
    };
    const events: ExportProgress[] = [];
    const service = createExportService({ guard, run: withTwins, outputs, deliveries });
    service.onProgress((p) => events.push(p));
    await service.start({ ...request, twin: 'both' });
    await service.idle();
    expect(asked).toBe('both');
    const twinFiles = [path.join(out, 'gsps.dcm'), path.join(out, 'sr.dcm')];
    expect(calls[0]?.added.slice(2)).toEqual(twinFiles);
    expect(outputs.get('export-1')?.files.slice(2)).toEqual(twinFiles);
    const ended = events.at(-1);
    expect(ended?.state).toBe('completed');
    expect(ended?.state === 'completed' ? ended.twins : undefined).toEqual([
      {
        kind: 'presentation state',
        status: 'written',
        output: twinFiles[0],
        detail: '6 findings on 24 images',
      },
      {
        kind: 'structured report',
        status: 'skipped',
        output: twinFiles[1],
        detail: 'exists; tick “Replace files already there” to replace it',
      },
      { kind: 'structured report', status: 'failed', output: path.join(out, 'sr2.dcm'), detail: 'disk full' },
    ]);
  });

  it('"none" (or no choice) asks for no twin', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const seen: (string | undefined)[] = [];
    const service = createExportService({
      guard,
      run: async (job, hooks) => {
        seen.push(job.settings.twin);
        return run(job, hooks);
      },
    });
    const { sendTo: _none, ...plain } = request;
    await service.start({ ...plain, twin: 'none' });
    await service.start(plain);
    await service.idle();
    expect(seen).toEqual([undefined, undefined]);
  });
});
