/**
 * Files of 2 GiB and more (issue 15.1): reading one whole killed the process (Node aborts on a single
 * read of 2 GiB). Sparse 3 GiB files made with truncate after a real header, in a scanned folder and
 * given to info, convert and the viewer's frame loader.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrameLoader } from '../../../src/main/app/services/frame-loader';
import { readImageFromDisk, scanFilesOnDisk } from '../../../src/main/app/services/dicom-adapters';
import type { HeaderRead } from '../../../src/main/app/services/library-service';
import { openFileBytes } from '../../../src/main/dicom/file-bytes';
import { readDicomFileBytes } from '../../../src/main/dicom/read-dicom';
import { encodePart10Header } from '../../../src/main/dicom/write/part10';
import { bytesElement, textElement } from '../../../src/main/dicom/write/element';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { multiFrameDataset } from '../../../src/main/sample/multiframe';
import { REPO, runCli } from '../../helpers/cli-harness';

const GIB = 2 ** 30;
const FRAMES = 6200;
const SIZE = 512;
let dir: string;
let folder: string;
/** a real CT slice, then zeros up to 3 GiB */
let realHeader: string;
/** a 6200-frame 512 x 512 16-bit header (3.03 GiB of Pixel Data) with a 300 KB private element, then a hole */
let hugeMultiFrame: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-large-'));
  folder = join(dir, 'study');
  mkdirSync(folder);
  realHeader = join(folder, 'slice-then-3g');
  copyFileSync(join(REPO, 'assets/sample/abdomen-ct/series-1/IM0001'), realHeader);
  truncateSync(realHeader, 3 * GIB);
  hugeMultiFrame = join(folder, 'multiframe-3g');
  const dataset = [
    ...multiFrameDataset({ frames: FRAMES, size: SIZE }, FRAMES),
    // A header over 64 KiB: the first bounded read is not enough, the next one is.
    textElement(0x00090010, 'LO', 'DICOM INK TEST'),
    bytesElement(0x00091010, 'OB', new Uint8Array(300_000)),
  ];
  const pixelBytes = FRAMES * SIZE * SIZE * 2;
  const header = encodePart10Header(dataset, EXPLICIT_VR_LITTLE_ENDIAN, {
    vr: 'OW',
    length: pixelBytes,
  });
  writeFileSync(hugeMultiFrame, header);
  truncateSync(hugeMultiFrame, header.length + pixelBytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files of 3 GiB', () => {
  it('are sparse files over 2 GiB, as the tests mean them to be', () => {
    expect(statSync(realHeader).size).toBe(3 * GIB);
    expect(statSync(hugeMultiFrame).size).toBeGreaterThan(3 * GIB);
  });

  it('are listed by the folder scan with their headers', async () => {
    const reads = new Map<string, HeaderRead>();
    for await (const file of scanFilesOnDisk(folder, new AbortController().signal))
      reads.set(file.path, file.read);
    expect(reads.get(realHeader)).toMatchObject({
      ok: true,
      header: { pixel: { rows: 256, numberOfFrames: 1 } },
    });
    expect(reads.get(hugeMultiFrame)).toMatchObject({
      ok: true,
      header: { pixel: { rows: SIZE, columns: SIZE, numberOfFrames: FRAMES } },
    });
  });

  it('are described by `dicom-ink info` (exit 0, no abort)', () => {
    const real = runCli(['info', realHeader]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/Frames:\s+1\b/);
    const huge = runCli(['info', hugeMultiFrame]);
    expect(huge.code).toBe(0);
    expect(huge.stdout).toMatch(/Frames:\s+6200\b/);
  });

  it('load their first and last frames for the viewer, reading only those frames', async () => {
    const load = createFrameLoader(readImageFromDisk);
    for (const frame of [0, FRAMES - 1]) {
      const read = await load(hugeMultiFrame, frame);
      expect(read.ok ? read.frame.bytes.length : read.reason).toBe(SIZE * SIZE * 2);
    }
    // What the loader does underneath: the header by bounded reads, then one frame, from 3 GiB.
    const file = openFileBytes(hugeMultiFrame);
    const read = readDicomFileBytes(file);
    if (!read.ok) throw new Error(read.reason);
    read.image.decodeFrame(0);
    expect(file.bytesRead).toBeLessThan(2 * 2 ** 20);
    file.close();
    const slice = await load(realHeader, 0);
    expect(slice.ok ? slice.frame.bytes.length : slice.reason).toBe(256 * 256 * 2);
  });

  it('convert or are skipped with their size and reason by `dicom-ink convert`, folder and file alike', () => {
    const out = join(dir, 'out');
    const run = runCli(['convert', folder, '--out', out, '--window', 'abdomen'], { timeoutMs: 120_000 });
    expect(run.stderr + run.stdout).toMatch(/1 file converted .* 1 skipped, 0 failed/);
    expect(run.stdout + run.stderr).toContain(
      `the 3.03 GiB file holds 6200 frame(s) of 512 x 512 pixels, 4.54 GiB as RGB: uncompressed Pixel Data holds at most 4.00 GiB (its length field has 32 bits), so it cannot be written as one RGB file; skipped`,
    );
    expect(run.code).toBe(0);
    expect(statSync(join(out, 'study', 'slice-then-3g')).size).toBeLessThan(2 ** 20);
  });
});
