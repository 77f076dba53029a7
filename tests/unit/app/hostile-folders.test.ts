/**
 * The app against hostile folders (issue 15): symbolic links leading out of an opened folder are neither
 * listed nor exported, a FIFO is listed with what it is and never blocks the scanner, the decoder or the
 * export, a link in the output folder never carries the export into the inputs, and a real file named
 * `..dotdot.dcm` is inside its folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from '../../../src/main/app/path-guard';
import { scanFilesOnDisk } from '../../../src/main/app/services/dicom-adapters';
import { createExportService } from '../../../src/main/app/services/export-service';
import { createImageService } from '../../../src/main/app/services/image-service';
import { createLibraryService, type LibraryDeps } from '../../../src/main/app/services/library-service';
import { createLibraryWorkers, type LibraryWorkers } from '../../../src/main/app/services/library-workers';
import { startConversion } from '../../../src/main/export/start-conversion';
import type { ExportProgress, ExportRequest } from '../../../src/shared/ipc/export';
import { copyCorpus, hashTree } from '../../helpers/cli-harness';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-hostile-app-'));
const workers: LibraryWorkers[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
  rmSync(work, { recursive: true, force: true });
});

function mkfifo(file: string): string {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr.toString()}`);
  return file;
}

/**
 * study/series/IM1 (a CT slice), study/link-in -> study/series (stays inside), study/loop -> study,
 * study/link-out -> elsewhere (a folder with its own CT slice), study/pipe (a FIFO).
 */
function hostileStudy(name: string): { study: string; elsewhere: string; fifo: string } {
  const study = path.join(work, name, 'study');
  const elsewhere = path.join(work, name, 'elsewhere');
  copyCorpus(CT, path.join(study, 'series', 'IM1'));
  copyCorpus(CT, path.join(elsewhere, 'OUTSIDE1'));
  symlinkSync(path.join(study, 'series'), path.join(study, 'link-in'));
  symlinkSync(study, path.join(study, 'loop'));
  symlinkSync(elsewhere, path.join(study, 'link-out'));
  symlinkSync(path.join(elsewhere, 'OUTSIDE1'), path.join(study, 'file-out'));
  const fifo = mkfifo(path.join(study, 'pipe'));
  return { study, elsewhere, fifo };
}

type ScanMode = 'in-process' | 'worker threads';

function scanner(mode: ScanMode): LibraryDeps['scanFiles'] {
  if (mode === 'in-process') return scanFilesOnDisk;
  const pool = createLibraryWorkers();
  workers.push(pool);
  return pool.scanFiles;
}

describe.each<ScanMode>(['in-process', 'worker threads'])('the library scan (%s)', (mode) => {
  it('lists only what stays inside the opened folder: links out are listed as refused, a FIFO as what it is', async () => {
    const { study, fifo } = hostileStudy(`scan-${mode.replace(' ', '-')}`);
    const library = createLibraryService({ guard: createPathGuard(), scanFiles: scanner(mode) });
    const opened = await library.open(study);
    if (!opened.ok) throw new Error(opened.error);
    await library.idle();
    const snapshot = library.snapshot();
    expect(snapshot.scans[0]?.state).toBe('done');
    const slices = snapshot.patients.flatMap((p) =>
      p.studies.flatMap((s) => s.series.flatMap((series) => series.slices.map((slice) => slice.path))),
    );
    // The slice once (link-in, first in name order, reaches it; series/ is then a folder already
    // visited), and the loop back to the root is cut.
    expect(slices).toEqual([path.join(study, 'link-in', 'IM1')]);
    expect(slices.some((slice) => slice.includes('OUTSIDE'))).toBe(false);
    const refused = Object.fromEntries(snapshot.nonImages.map((n) => [path.basename(n.path), n.reason]));
    expect(Object.keys(refused).sort()).toEqual(['file-out', 'link-out', 'pipe']);
    expect(refused['link-out']).toMatch(/symbolic link that leads outside the opened folder/);
    expect(refused['file-out']).toMatch(/symbolic link that leads outside the opened folder/);
    expect(refused['pipe']).toMatch(/named pipe \(FIFO\), not a regular file/);
    expect(snapshot.nonImages.find((n) => n.path === fifo)?.kind).toBe('not-dicom');
    library.dispose();
  });
});

describe('image:load of a FIFO', () => {
  it('answers at once with the reason, on the decoder worker, and the decoder still serves the next image', async () => {
    const { study, fifo } = hostileStudy('load');
    const guard = createPathGuard();
    await guard.allow(study);
    const pool = createLibraryWorkers();
    workers.push(pool);
    const images = createImageService({ guard, loadFrame: pool.loadFrame });
    const started = Date.now();
    const loaded = await images.load(fifo, 0);
    expect(loaded.ok ? '' : loaded.error).toMatch(/named pipe \(FIFO\), not a regular file/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const next = await images.load(path.join(study, 'series', 'IM1'), 0);
    expect(next.ok).toBe(true);
  });
});

describe('the export', () => {
  const request = (inputs: string[], outDir: string, overwrite = false): ExportRequest => ({
    inputs,
    outDir,
    window: { kind: 'preset', name: 'Abdomen' },
    thickness: 2,
    labels: false,
    overwrite,
    boxes: [],
  });

  async function exportOnce(
    study: string,
    exportRequest: ExportRequest,
  ): Promise<Extract<ExportProgress, { outDir: string }>> {
    const guard = createPathGuard();
    await guard.allow(study);
    const service = createExportService({ guard, run: startConversion, jobs: 1 });
    const events: ExportProgress[] = [];
    service.onProgress((p) => events.push(p));
    const started = await service.start(exportRequest);
    if (!started.ok) throw new Error(started.error);
    await service.idle();
    const last = events.at(-1);
    if (last?.state !== 'completed') throw new Error(`the export ended ${JSON.stringify(last)}`);
    return last;
  }

  it('of an opened folder converts only what lies inside it; links out and the FIFO are skipped with reasons', async () => {
    const { study, elsewhere } = hostileStudy('export');
    const out = path.join(work, 'export', 'out');
    const before = hashTree(elsewhere);
    const result = await exportOnce(study, request([study], out));
    expect(result.converted).toBe(1);
    expect(result.failedCount).toBe(0);
    const skipped = Object.fromEntries(result.skipped.map((s) => [path.basename(s.input), s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['file-out', 'link-out', 'pipe']);
    expect(skipped['pipe']).toMatch(/named pipe/);
    expect(readdirSync(path.join(out, 'study')).sort()).toEqual(['link-in']);
    expect(hashTree(elsewhere)).toEqual(before);
  });

  it.each([false, true])(
    'never writes through a link in the output folder to the inputs (replace: %s)',
    async (overwrite) => {
      const name = `export-links-${String(overwrite)}`;
      const study = path.join(work, name, 'study');
      copyCorpus(CT, path.join(study, 'series', 'IM1'));
      const out = path.join(work, name, 'out');
      // The study's outputs go to out/study/ (the output layout rule): the link sits where they go.
      mkdirSync(path.join(out, 'study'), { recursive: true });
      symlinkSync(path.join(study, 'series'), path.join(out, 'study', 'series'));
      const before = hashTree(study);
      const result = await exportOnce(study, request([study], out, overwrite));
      expect(hashTree(study)).toEqual(before);
      expect(readdirSync(path.join(study, 'series'))).toEqual(['IM1']);
      expect(result.converted).toBe(0);
      expect(result.failed[0]?.reason).toMatch(/replace the input|leads outside the output folder/);
    },
  );
});

describe('path guard by path segments', () => {
  it('a real file named ..dotdot.dcm inside an opened folder is inside', async () => {
    const folder = path.join(work, 'dotdot');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '..dotdot.dcm'), 'x');
    const guard = createPathGuard();
    await guard.allow(folder);
    const checked = await guard.check(path.join(folder, '..dotdot.dcm'));
    expect(checked).toEqual({ ok: true, value: path.join(folder, '..dotdot.dcm') });
  });
});
