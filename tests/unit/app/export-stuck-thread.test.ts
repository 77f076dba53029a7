/**
 * The app's export through the real engine and worker pool, with a converter thread blocked inside a
 * system call: after Cancel, the export's end (the IPC event the Export dialog shows) names the file
 * whose thread could not be stopped, instead of a plain "cancelled".
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from '../../../src/main/app/path-guard';
import { createExportService } from '../../../src/main/app/services/export-service';
import { startConversion } from '../../../src/main/export/start-conversion';
import type { ExportProgress, ExportRequest } from '../../../src/shared/ipc/export';
import { exportProgressSchema } from '../../../src/shared/ipc/app-schemas';
import { corpusFile } from '../../helpers/cli-harness';
import { createStuckWorker } from '../../helpers/stuck-worker';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-export-stuck-'));
const study = path.join(work, 'study');
mkdirSync(study);
const CT = corpusFile('dp_CT1_UNC.explicit_little_endian.dcm');
copyFileSync(CT, path.join(study, 'a.dcm'));
copyFileSync(CT, path.join(study, 'stuck.dcm'));
const stuck = createStuckWorker(work, 'stuck.dcm');
const saved = { ...process.env };
afterAll(() => {
  stuck.release();
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('export with a converter thread that cannot be stopped', () => {
  it('ends "cancelled" naming the file whose thread is stuck, in a shape the IPC schema accepts', async () => {
    // The stand-in worker reads which file to block on from the environment it inherits.
    Object.assign(process.env, stuck.env);
    const guard = createPathGuard();
    await guard.allow(study);
    const service = createExportService({
      guard,
      run: (job, hooks) => startConversion({ ...job, jobs: 1, workerPath: stuck.workerPath }, hooks),
    });
    const events: ExportProgress[] = [];
    service.onProgress((p) => events.push(p));
    const request: ExportRequest = {
      inputs: [study],
      outDir: path.join(work, 'out'),
      window: { kind: 'auto' },
      thickness: 3,
      labels: false,
      overwrite: false,
      boxes: [],
    };
    const started = await service.start(request);
    if (!started.ok) throw new Error(started.error);
    const since = Date.now();
    while (!stuck.entered() && Date.now() - since < 30_000) await new Promise((r) => setTimeout(r, 20));
    expect(stuck.entered()).toBe(true);
    expect(service.cancel(started.value.jobId)).toBe(true);
    await service.idle();
    const end = events.at(-1);
    expect(end?.state).toBe('cancelled');
    if (end?.state !== 'cancelled') return;
    expect(end.unstoppable).toEqual([
      {
        input: path.join(study, 'stuck.dcm'),
        reason: expect.stringMatching(/^its converter thread \(thread \d+\) is blocked inside a system call/),
      },
    ]);
    expect(exportProgressSchema.safeParse(end).success).toBe(true);
  }, 60_000);
});
