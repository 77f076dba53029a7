/**
 * The viewer's frame loader on a 2,000-frame file: the first frame shows after reading the header and
 * that frame only; later frames are read one by one; files dropped from its cache are closed.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrameLoader } from '../../../src/main/app/services/frame-loader';
import { openFileBytes, type FileBytes } from '../../../src/main/dicom/file-bytes';
import { readDicomFileBytes } from '../../../src/main/dicom/read-dicom';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { encodePart10Header } from '../../../src/main/dicom/write/part10';
import { multiFrameDataset, phantomFrames } from '../../../src/main/sample/multiframe';

const FRAMES = 2000;
const SIZE = 256;
const FRAME_BYTES = SIZE * SIZE * 2;
let dir: string;
let path: string;
let headerBytes: number;
/** frame 1 of the file (the rest are a hole: zeros) */
let firstFrame: Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-viewer-mf-'));
  path = join(dir, 'cine.dcm');
  const options = { frames: FRAMES, size: SIZE };
  const header = encodePart10Header(multiFrameDataset(options, FRAMES), EXPLICIT_VR_LITTLE_ENDIAN, {
    vr: 'OW',
    length: FRAMES * FRAME_BYTES,
  });
  headerBytes = header.length;
  firstFrame = phantomFrames(options).next().value as Uint8Array;
  writeFileSync(path, Buffer.concat([header, firstFrame]));
  truncateSync(path, headerBytes + FRAMES * FRAME_BYTES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loader whose files are opened here, so the test sees how much of each was read and whether it is closed. */
function tracedLoader(capacity?: number) {
  const opened: { file: FileBytes; closed: boolean }[] = [];
  const loader = createFrameLoader((p) => {
    const file = openFileBytes(p);
    const entry = { file, closed: false };
    opened.push(entry);
    const read = readDicomFileBytes(file);
    if (read.ok) {
      const close = read.image.close;
      read.image.close = () => {
        entry.closed = true;
        close();
      };
    }
    return Promise.resolve(read);
  }, capacity);
  return { loader, opened };
}

describe('the frame loader on a 2,000-frame file (262 MB)', () => {
  it('shows frame 1 after reading the header and that frame, not the other 1,999', async () => {
    const { loader, opened } = tracedLoader();
    const read = await loader(path, 0);
    if (!read.ok) throw new Error(read.reason);
    expect(read.frame.header.pixel.numberOfFrames).toBe(FRAMES);
    expect(Buffer.from(read.frame.bytes).equals(Buffer.from(firstFrame))).toBe(true);
    const file = opened[0]?.file;
    // The first header read is 64 KiB; then frame 1 alone.
    expect(file?.bytesRead).toBeLessThanOrEqual(64 * 1024 + FRAME_BYTES);
    expect(file?.bytesRead).toBeGreaterThanOrEqual(headerBytes + FRAME_BYTES);
  });

  it('reads each later frame by itself, from the header parsed once', async () => {
    const { loader, opened } = tracedLoader();
    await loader(path, 0);
    const before = opened[0]?.file.bytesRead ?? 0;
    const last = await loader(path, FRAMES - 1);
    expect(last.ok ? last.frame.bytes.length : last.reason).toBe(FRAME_BYTES);
    expect(opened).toHaveLength(1);
    expect((opened[0]?.file.bytesRead ?? 0) - before).toBe(FRAME_BYTES);
  });

  it('closes the file of an image dropped from its cache', async () => {
    const { loader, opened } = tracedLoader(1);
    await loader(path, 0);
    await loader(path, 1); // same file: its header is still cached
    expect(opened).toHaveLength(1);
    const other = join(dir, 'empty.dcm');
    writeFileSync(other, '');
    await loader(other, 0); // another file takes the cache's one place
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened[0]?.closed).toBe(true);
  });
});
