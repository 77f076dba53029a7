import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from '../../../src/main/app/path-guard';
import {
  readHeaderFromDisk,
  readImageFromDisk,
  scanFilesOnDisk,
  scanWith,
} from '../../../src/main/app/services/dicom-adapters';
import { createFrameLoader } from '../../../src/main/app/services/frame-loader';
import { createImageService } from '../../../src/main/app/services/image-service';
import { createLibraryService } from '../../../src/main/app/services/library-service';
import { createLibraryWorkers, type LibraryWorkers } from '../../../src/main/app/services/library-workers';
import type { ScanProgress } from '../../../src/shared/ipc/library';

const corpus = path.resolve('tests/fixtures/corpus');
const root = mkdtempSync(path.join(tmpdir(), 'dicom-ink-library-'));
mkdirSync(path.join(root, 'ct'), { recursive: true });
copyFileSync(path.join(corpus, '693_UNCI.dcm'), path.join(root, 'ct', 'IM1'));
copyFileSync(path.join(corpus, 'OBXXXX1A_2frame.dcm'), path.join(root, 'us-cine'));
writeFileSync(path.join(root, 'README.txt'), 'not an image');
const workers: LibraryWorkers[] = [];
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await Promise.all(workers.map((w) => w.terminate()));
});

type Mode = 'in-process' | 'worker threads';

/** The same services either on this thread (as before) or on the library workers (as in the app). */
function servicesFor(mode: Mode) {
  return () => {
    const guard = createPathGuard();
    if (mode === 'in-process') {
      const library = createLibraryService({ guard, scanFiles: scanFilesOnDisk, progressIntervalMs: 0 });
      const loader = createFrameLoader(readImageFromDisk);
      const images = createImageService({ guard, loadFrame: (p, frame) => loader(p, frame) });
      return { library, images };
    }
    const pool = createLibraryWorkers();
    workers.push(pool);
    const library = createLibraryService({ guard, scanFiles: pool.scanFiles, progressIntervalMs: 0 });
    const images = createImageService({ guard, loadFrame: pool.loadFrame });
    return { library, images };
  };
}

describe.each<Mode>(['in-process', 'worker threads'])('library service on real files (%s)', (mode) => {
  const services = servicesFor(mode);

  it('scans a folder into patients, studies and series, with non-images apart and progress to done', async () => {
    const { library } = services();
    const events: ScanProgress[] = [];
    library.onProgress((p) => events.push(p));
    const opened = await library.open(root);
    expect(opened.ok).toBe(true);
    await library.idle();
    const snapshot = library.snapshot();
    expect(snapshot.scans).toEqual([
      {
        libraryId: 'lib-1',
        folder: expect.any(String),
        state: 'done',
        filesSeen: 3,
        images: 2,
        nonImages: 1,
      },
    ]);
    const series = snapshot.patients.flatMap((p) => p.studies.flatMap((s) => s.series));
    expect(series.map((s) => [s.modality, s.slices.length]).sort()).toEqual([
      ['CT', 1],
      ['US', 2],
    ]);
    expect(snapshot.nonImages).toEqual([
      {
        path: expect.stringMatching(/README\.txt$/),
        kind: 'not-dicom',
        reason: expect.stringMatching(/not a DICOM file/),
      },
    ]);
    expect(events[0]?.state).toBe('scanning');
    expect(events[events.length - 1]).toMatchObject({ state: 'done', filesSeen: 3 });
  });

  it('joins a folder that is already open instead of scanning it twice', async () => {
    const { library } = services();
    const first = await library.open(root);
    const again = await library.open(path.join(root, '.'));
    expect(again).toEqual(first);
    await library.idle();
    expect(library.snapshot().scans).toHaveLength(1);
  });

  it('loads a frame as raw samples for the renderer, and refuses paths outside the opened folders', async () => {
    const { library, images } = services();
    await library.open(root);
    const loaded = await images.load(path.join(root, 'ct', 'IM1'), 0);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.sampleType).toBe('uint16');
    expect(loaded.value.bytes.byteLength).toBe(512 * 512 * 2);
    expect(loaded.value.header.pixel.rows).toBe(512);
    const cine = await images.load(path.join(root, 'us-cine'), 2);
    expect(cine.ok ? '' : cine.error).toMatch(/has 2 frame\(s\); frame 3 does not exist/);
    const escape = await images.load(path.join(root, '..', '..', 'etc', 'passwd'), 0);
    expect(escape.ok ? '' : escape.error).toMatch(/outside the folders you opened/);
  });
});

describe('library service scan on this thread', () => {
  it('stops a cancelled scan and says so', async () => {
    const guard = createPathGuard();
    async function* slow(): AsyncGenerator<{ path: string }> {
      for (let i = 0; i < 1000; i++) yield { path: path.join(root, 'README.txt') };
    }
    const library = createLibraryService({ guard, scanFiles: scanWith(slow, readHeaderFromDisk) });
    const opened = await library.open(root);
    if (!opened.ok) throw new Error(opened.error);
    expect(library.cancel(opened.value.libraryId)).toBe(true);
    await library.idle();
    const scan = library.snapshot().scans[0];
    expect(scan?.state).toBe('cancelled');
    expect(scan?.filesSeen).toBeLessThan(1000);
  });
});

describe('opened folders do not overlap, and can be closed', () => {
  const fresh = () =>
    createLibraryService({ guard: createPathGuard(), scanFiles: scanFilesOnDisk, progressIntervalMs: 0 });
  const seriesCounts = (library: ReturnType<typeof fresh>) =>
    library
      .snapshot()
      .patients.flatMap((p) => p.studies.flatMap((s) => s.series.map((x) => x.slices.length)))
      .sort();

  it('opening a file inside an open folder joins that folder instead of adding a duplicate series', async () => {
    const library = fresh();
    const folder = await library.open(root);
    await library.idle();
    const before = seriesCounts(library);
    const file = await library.open(path.join(root, 'ct', 'IM1'));
    await library.idle();
    expect(file).toEqual(folder);
    expect(library.snapshot().scans).toHaveLength(1);
    expect(seriesCounts(library)).toEqual(before);
  });

  it('a folder opened after its subfolder lists each file once', async () => {
    const library = fresh();
    await library.open(path.join(root, 'ct'));
    await library.open(root);
    await library.idle();
    expect(seriesCounts(library)).toEqual([1, 2]);
  });

  it('closing a folder removes it and its series from the library', async () => {
    const library = fresh();
    const opened = await library.open(root);
    if (!opened.ok) throw new Error(opened.error);
    await library.idle();
    expect(library.close(opened.value.libraryId)).toBe(true);
    expect(library.snapshot().scans).toEqual([]);
    expect(library.snapshot().patients).toEqual([]);
    expect(library.close(opened.value.libraryId)).toBe(false);
    // It can be opened again afterwards.
    expect((await library.open(root)).ok).toBe(true);
    await library.idle();
    expect(seriesCounts(library)).toEqual([1, 2]);
  });
});
