import { crc32 } from 'node:zlib';
import type { FileBytes } from './file-bytes';
import { readDicomBytes, readDicomFileBytes, readWrittenHeaderFacts } from './read-dicom';
import type { WrittenHeaderFacts } from './read-dicom';
import { EXPLICIT_VR_LITTLE_ENDIAN } from './transfer-syntaxes';
import type { DicomImage, ReadResult } from './types';

/**
 * What was meant to be written, frame by frame, for the read-back check. A converter that streams
 * its frames keeps a CRC-32 of each (4 bytes, not the frame); a frame still in memory when the check
 * runs (the last one, or every frame of an in-memory file) is compared byte for byte.
 */
export interface ExpectedFrames {
  readonly count: number;
  /** true when `stored` is not the frame written at `index` */
  differs(index: number, stored: Uint8Array): boolean;
}

/** Frames held in memory: compared with memcmp. */
export function heldFrames(frames: readonly Uint8Array[]): ExpectedFrames {
  return {
    count: frames.length,
    differs: (index, stored) =>
      Buffer.compare(asBuffer(stored), asBuffer(frames[index] ?? new Uint8Array(0))) !== 0,
  };
}

export interface FrameRecorder extends ExpectedFrames {
  /** records the next frame as it is written; the last frame's bytes must stay unchanged until the check */
  add(frame: Uint8Array): void;
}

/**
 * Records `count` frames as they are written: a running CRC-32 of each, except the last, which is kept
 * by reference and compared byte for byte (a single-frame file is then checked as exactly as before).
 */
export function recordFrames(count: number): FrameRecorder {
  const checksums: number[] = [];
  let last: Uint8Array | undefined;
  return {
    count,
    add(frame) {
      if (checksums.length + 1 === count) last = frame;
      else checksums.push(crc32(frame));
    },
    differs(index, stored) {
      if (index === count - 1)
        return last === undefined || Buffer.compare(asBuffer(stored), asBuffer(last)) !== 0;
      return checksums[index] !== crc32(stored);
    },
  };
}

export interface ExpectedOutput {
  frames: ExpectedFrames;
  sopInstanceUid: string;
  rows: number;
  columns: number;
  /** the file's exact length, when known */
  length?: number;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** The facts of a header the check compares, from an image read back whole. */
function factsOf(image: DicomImage): WrittenHeaderFacts {
  const { header } = image;
  return {
    transferSyntaxUid: header.transferSyntaxUid,
    sopClassUid: header.sopClassUid,
    sopInstanceUid: header.sopInstanceUid,
    metaSopClassUid: image.getString('00020002'),
    metaSopInstanceUid: image.getString('00020003'),
    pixel: header.pixel,
  };
}

function checkTags(
  facts: WrittenHeaderFacts,
  fileSize: number,
  expected: ExpectedOutput,
): string | undefined {
  const { pixel } = facts;
  if (facts.transferSyntaxUid !== EXPLICIT_VR_LITTLE_ENDIAN) {
    return `transfer syntax is ${facts.transferSyntaxUid || 'missing'}, not Explicit VR Little Endian`;
  }
  if (facts.sopInstanceUid !== expected.sopInstanceUid) {
    return `SOP Instance UID is ${facts.sopInstanceUid || 'missing'}, expected ${expected.sopInstanceUid}`;
  }
  // PS3.10 7.1: the File Meta Information repeats the SOP Class and Instance UIDs.
  if (facts.metaSopInstanceUid !== facts.sopInstanceUid)
    return 'Media Storage SOP Instance UID differs from SOP Instance UID';
  if (facts.metaSopClassUid !== facts.sopClassUid)
    return 'Media Storage SOP Class UID differs from SOP Class UID';
  if (pixel.photometric !== 'RGB')
    return `Photometric Interpretation is ${pixel.photometric || 'missing'}, not RGB`;
  // PS3.3 C.7.6.3: 8-bit unsigned RGB, pixel-interleaved.
  const format: [string, number, number][] = [
    ['Samples per Pixel', pixel.samplesPerPixel, 3],
    ['Bits Allocated', pixel.bitsAllocated, 8],
    ['Bits Stored', pixel.bitsStored, 8],
    ['High Bit', pixel.highBit, 7],
    ['Pixel Representation', pixel.pixelRepresentation, 0],
    ['Planar Configuration', pixel.planarConfiguration, 0],
  ];
  for (const [name, actual, value] of format) {
    if (actual !== value) return `${name} is ${actual}, expected ${value}`;
  }
  if (pixel.rows !== expected.rows || pixel.columns !== expected.columns) {
    return `size is ${pixel.rows}x${pixel.columns}, expected ${expected.rows}x${expected.columns}`;
  }
  if (pixel.numberOfFrames !== expected.frames.count) {
    return `Number of Frames is ${pixel.numberOfFrames}, expected ${expected.frames.count}`;
  }
  if (expected.length !== undefined && fileSize !== expected.length) {
    return `the file has ${fileSize} bytes, expected ${expected.length}`;
  }
  return undefined;
}

function asBuffer(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Reads the frames back one at a time (each read replaces the last: memory is one frame). */
function checkPixels(image: DicomImage, expected: ExpectedOutput): string | undefined {
  for (let i = 0; i < expected.frames.count; i++) {
    let stored: ArrayBufferView;
    try {
      stored = image.decodeFrame(i).data;
    } catch (thrown) {
      return `frame ${i + 1} cannot be read back (${thrown instanceof Error ? thrown.message : String(thrown)})`;
    }
    if (expected.frames.differs(i, asBuffer(stored)))
      return `pixels of frame ${i + 1} differ from the rendered image`;
  }
  return undefined;
}

function verifyRead(read: ReadResult, expected: ExpectedOutput): Verdict {
  if (!read.ok) return { ok: false, reason: `it does not read back as a DICOM image (${read.reason})` };
  const reason =
    checkTags(factsOf(read.image), read.image.fileSize, expected) ?? checkPixels(read.image, expected);
  return reason === undefined ? { ok: true } : { ok: false, reason };
}

/**
 * Reads a written Secondary Capture back with the same reader the converter uses and compares it
 * with what was meant to be written: transfer syntax, SOP UIDs (data set and File Meta), the RGB
 * pixel format, geometry, frame count, length, and every frame. The file is read a frame at a time.
 */
export function verifyWrittenFile(file: FileBytes, expected: ExpectedOutput): Verdict {
  // Borrowed frames: each frame is read into one reused buffer and compared there.
  return verifyRead(readDicomFileBytes(file, { borrowPixels: true }), expected);
}

/** verifyWrittenFile for a file held in memory, with its frames held too. */
export function verifyWrittenSecondaryCapture(
  bytes: Uint8Array,
  expected: Omit<ExpectedOutput, 'frames'> & { frames: readonly Uint8Array[] },
): Verdict {
  const read = readDicomBytes(bytes, { borrowPixels: true });
  return verifyRead(read, { ...expected, frames: heldFrames(expected.frames) });
}

/** What a streaming writer wrote: `header`, then the frames (`frameBytes` each), then `padding` zero bytes. */
export interface IntendedOutput extends Omit<ExpectedOutput, 'length'> {
  /** the file up to the Pixel Data value, as written */
  header: Uint8Array;
  frameBytes: number;
  padding: number;
}

/**
 * A buffer for reading an output back, `bytes` long (the caller may pass one it reuses from file to
 * file; its contents are overwritten).
 */
export type ReadBackBuffer = (bytes: number) => Uint8Array;

function readBack(file: FileBytes, intended: IntendedOutput, buffer: ReadBackBuffer): string | undefined {
  const { header, frameBytes, padding, frames } = intended;
  const length = header.length + frameBytes * frames.count + padding;
  if (file.size !== length) return `the file has ${file.size} bytes, expected ${length}`;
  // One read for the header and the first frame (all of a single-frame file but its padding), then
  // one per frame: memory is one frame, as when it was written.
  const first = file.read(
    0,
    header.length + frameBytes,
    'the header and frame 1',
    buffer(header.length + frameBytes),
  );
  if (Buffer.compare(asBuffer(first.subarray(0, header.length)), asBuffer(header)) !== 0) {
    return 'the header read back differs from the header written';
  }
  if (frames.differs(0, first.subarray(header.length)))
    return 'pixels of frame 1 differ from the rendered image';
  for (let i = 1; i < frames.count; i++) {
    const stored = file.read(
      header.length + i * frameBytes,
      frameBytes,
      `frame ${i + 1}`,
      buffer(frameBytes),
    );
    if (frames.differs(i, stored)) return `pixels of frame ${i + 1} differ from the rendered image`;
  }
  const tail = file.read(length - padding, padding, 'the Pixel Data padding');
  return tail.some((byte) => byte !== 0) ? 'the Pixel Data padding is not zero' : undefined;
}

/**
 * Verifies an output written as header + frames: the header, parsed in memory with the converter's own
 * reader, must say what verifyWrittenFile checks (transfer syntax, SOP UIDs in data set and File Meta,
 * RGB format, geometry, frame count); then the file is read back through `file` (its size from fstat)
 * and must be exactly those bytes: the header byte for byte, each frame against what was rendered.
 * Equal bytes parse the same, so this proves what reading the file back with the reader would, with one
 * read per frame and no second parse.
 */
export function verifyWrittenOutput(
  file: FileBytes,
  intended: IntendedOutput,
  buffer: ReadBackBuffer = (bytes) => new Uint8Array(bytes),
): Verdict {
  const length = intended.header.length + intended.frameBytes * intended.frames.count + intended.padding;
  const facts = readWrittenHeaderFacts(intended.header, length);
  if ('ok' in facts)
    return { ok: false, reason: `its header does not read as a DICOM image (${facts.reason})` };
  const tags = checkTags(facts, length, { ...intended, length });
  if (tags !== undefined) return { ok: false, reason: tags };
  try {
    const reason = readBack(file, intended, buffer);
    return reason === undefined ? { ok: true } : { ok: false, reason };
  } catch (thrown) {
    // a short file (DicomDecodeError) or a read error of the disk
    return {
      ok: false,
      reason: `it cannot be read back (${thrown instanceof Error ? thrown.message : String(thrown)})`,
    };
  }
}
