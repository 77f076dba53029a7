import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../../src/main/convert/convert-file';
import { defaultConvertSettings, type ConvertSettings } from '../../../src/main/convert/convert-settings';
import { initCodecs, openDicomFile } from '../../../src/main/dicom/read-dicom';
import { writeMultiFramePhantom } from '../../../src/main/sample/multiframe';
import { packBoxes, readPackedBoxes } from '../../../src/shared/boxes/packed-boxes';
import { corpusFile } from '../../helpers/cli-harness';
import { singleFrameOf } from '../../helpers/single-frame';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-multiframe-'));
  await initCodecs();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: ConvertSettings = { ...defaultConvertSettings(), window: { kind: 'auto' } };

/** A box on frame 3 of `file` (and on frame 1 of its single-frame twin `twin`), to see frames keep their boxes. */
function boxesOnFrame3(file: string, twin: string) {
  const box = { x1: 5, y1: 5, x2: 30, y2: 20, origin: 'boxes.csv:2' };
  return readPackedBoxes(
    packBoxes([
      { target: { kind: 'file', file }, frame: 3, ...box },
      { target: { kind: 'file', file: twin }, frame: 1, ...box },
    ]),
  );
}

/** Converts `path`, expects success, and returns each output frame's RGB bytes. */
async function convertedFrames(
  path: string,
  name: string,
  boxIndex = boxesOnFrame3(name, ''),
): Promise<Buffer[]> {
  const outputPath = join(dir, 'out', `${name}.dcm`);
  const outcome = await convertFile(
    { path, relativePath: name, outputPath },
    { settings, boxes: boxIndex, outputRoot: dir },
  );
  expect(outcome).toMatchObject({ status: 'converted' });
  const read = openDicomFile(outputPath);
  if (!read.ok) throw new Error(read.reason);
  try {
    return Array.from({ length: read.image.header.pixel.numberOfFrames }, (_, i) =>
      Buffer.from(read.image.decodeFrame(i).data as Uint8Array),
    );
  } finally {
    read.image.close();
  }
}

/** The output of each frame converted as a single-frame file of its own (the frame-3 box on frame 3's twin). */
async function singleFramePath(multiFrame: string, label: string): Promise<Buffer[]> {
  const bytes = readFileSync(multiFrame);
  const count = Number(parseDicom(bytes, { untilTag: 'x7fe00010' }).string('x00280008'));
  const frames: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${label}-single-${i + 1}`;
    const path = join(dir, 'in', name);
    mkdirSync(join(dir, 'in'), { recursive: true });
    writeFileSync(path, singleFrameOf(bytes, i));
    const [frame] = await convertedFrames(path, name, boxesOnFrame3('', i === 2 ? name : ''));
    frames.push(frame as Buffer);
  }
  return frames;
}

function expectSameFrames(actual: Buffer[], expected: Buffer[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((frame, i) =>
    expect({ frame: i + 1, equal: frame.equals(expected[i] as Buffer) }).toEqual({
      frame: i + 1,
      equal: true,
    }),
  );
}

describe('multi-frame conversion, frame by frame', () => {
  it('converts a native multi-frame file to the pixels of the single-frame path, frame by frame, with the header sized in advance', async () => {
    const path = join(dir, 'phantom-mf.dcm');
    writeMultiFramePhantom(path, { frames: 6, size: 64, seed: 3 });
    const expected = await singleFramePath(path, 'phantom');
    const frames = await convertedFrames(path, 'phantom-mf');
    expectSameFrames(frames, expected);
    // The box of frame 3 is on frame 3 only.
    expect(frames[2]?.equals(frames[1] as Buffer)).toBe(false);
    const output = readFileSync(join(dir, 'out', 'phantom-mf.dcm'));
    const pixels = parseDicom(output).elements.x7fe00010;
    expect(pixels?.length).toBe(64 * 64 * 3 * 6);
    expect((pixels?.dataOffset ?? 0) + (pixels?.length ?? 0)).toBe(output.length);
  });

  it('converts a real 10-frame MR (native, RLE and JPEG 2000 lossless) to the pixels of the single-frame path', async () => {
    const expected = await singleFramePath(corpusFile('emri_small.dcm'), 'emri');
    for (const name of ['emri_small.dcm', 'emri_small_RLE.dcm', 'emri_small_jpeg_2k_lossless.dcm']) {
      expectSameFrames(await convertedFrames(corpusFile(name), name), expected);
    }
  });
});

describe('a multi-frame file that cannot be finished', () => {
  function outputsOf(folder: string): string[] {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  }

  it('fails with the byte counts when native frames are truncated midway, and leaves no output', async () => {
    const whole = join(dir, 'whole.dcm');
    writeMultiFramePhantom(whole, { frames: 4, size: 64 });
    const bytes = readFileSync(whole);
    const cut = join(dir, 'cut.dcm');
    writeFileSync(cut, bytes.subarray(0, bytes.length - Math.floor(2.5 * 64 * 64 * 2)));
    const out = join(dir, 'cut-out');
    const outcome = await convertFile(
      { path: cut, relativePath: 'cut.dcm', outputPath: join(out, 'cut.dcm') },
      { settings, outputRoot: dir },
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: `file is truncated: Pixel Data needs ${4 * 64 * 64 * 2} bytes, ${Math.ceil(1.5 * 64 * 64 * 2)} present`,
    });
    expect(outputsOf(out)).toEqual([]);
  });

  it('fails on a JPEG 2000 file cut inside frame 6, naming the fragment, and leaves no output', async () => {
    const bytes = readFileSync(corpusFile('emri_small_jpeg_2k_lossless.dcm'));
    const sixth = parseDicom(bytes).elements.x7fe00010?.fragments?.[5];
    if (!sixth) throw new Error('emri_small_jpeg_2k_lossless.dcm has fewer than 6 fragments');
    const path = join(dir, 'cut-j2k.dcm');
    writeFileSync(path, bytes.subarray(0, sixth.position + 100));
    const out = join(dir, 'cut-j2k-out');
    const outcome = await convertFile(
      { path, relativePath: 'cut-j2k.dcm', outputPath: join(out, 'cut-j2k.dcm') },
      { settings, outputRoot: dir },
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: `file is truncated: Pixel Data fragment 6 needs ${sixth.length} bytes, 100 present`,
    });
    expect(outputsOf(out)).toEqual([]);
  });

  it('fails on a frame that breaks after earlier frames were written, and removes the partial output', async () => {
    const bytes = Buffer.from(readFileSync(corpusFile('emri_small_RLE.dcm')));
    const fragments = parseDicom(bytes).elements.x7fe00010?.fragments ?? [];
    const sixth = fragments[5];
    if (!sixth) throw new Error('emri_small_RLE.dcm has fewer than 6 fragments');
    // RLE header (PS3.5 G.3.1): the segment count; 16 is more than the 15 a header can list.
    bytes.writeUInt32LE(16, sixth.position);
    const path = join(dir, 'broken-rle.dcm');
    writeFileSync(path, bytes);
    const out = join(dir, 'broken-out');
    const outcome = await convertFile(
      { path, relativePath: 'broken.dcm', outputPath: join(out, 'broken.dcm') },
      { settings, outputRoot: dir },
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^could not convert it: .*/),
    });
    expect(outputsOf(out)).toEqual([]);
    expect(statSync(path).size).toBe(bytes.length);
  });
});
