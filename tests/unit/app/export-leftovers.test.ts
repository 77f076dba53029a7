import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from '../../../src/main/app/path-guard';
import { createExportService } from '../../../src/main/app/services/export-service';
import type { ExportProgress } from '../../../src/shared/ipc/export';
import { conversionSummary } from '../../helpers/conversion-summary';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-export-leftovers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a cancelled export', () => {
  it("removes this process's temporary .partial files from the output folder and keeps every other file", async () => {
    const study = path.join(work, 'study');
    const out = path.join(work, 'out');
    mkdirSync(study);
    mkdirSync(path.join(out, 'series-1'), { recursive: true });
    writeFileSync(path.join(study, 'IM1'), 'x');
    const ours = path.join(out, 'series-1', `.IM2.${process.pid}-3-0a1b2c3d.partial`);
    const others = path.join(out, `.IM3.${process.pid + 1}-3-0a1b2c3d.partial`);
    const complete = path.join(out, 'series-1', 'IM1');
    const guard = createPathGuard();
    await guard.allow(study);
    const service = createExportService({
      guard,
      run: async () => {
        // What a worker ended in the middle of a write leaves, beside a file it finished.
        for (const file of [ours, others, complete]) writeFileSync(file, 'bytes');
        return conversionSummary('cancelled', [], 1);
      },
    });
    const events: ExportProgress[] = [];
    service.onProgress((p) => events.push(p));
    const started = await service.start({
      inputs: [path.join(study, 'IM1')],
      outDir: out,
      window: { kind: 'auto' },
      thickness: 2,
      labels: false,
      overwrite: false,
      boxes: [],
    });
    expect(started.ok).toBe(true);
    await service.idle();
    expect(events.map((e) => e.state)).toEqual(['cancelled']);
    expect(existsSync(ours)).toBe(false);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual([
      `.IM3.${process.pid + 1}-3-0a1b2c3d.partial`,
      'series-1',
      path.join('series-1', 'IM1'),
    ]);
  });
});
