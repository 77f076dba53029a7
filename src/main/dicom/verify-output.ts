import { readDicomBytes } from './read-dicom';
import { EXPLICIT_VR_LITTLE_ENDIAN } from './transfer-syntaxes';
import type { DicomImage } from './types';

export interface ExpectedOutput {
  frames: readonly Uint8Array[];
  sopInstanceUid: string;
  rows: number;
  columns: number;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

function checkTags(image: DicomImage, expected: ExpectedOutput): string | undefined {
  const { header } = image;
  const { pixel } = header;
  if (header.transferSyntaxUid !== EXPLICIT_VR_LITTLE_ENDIAN) {
    return `transfer syntax is ${header.transferSyntaxUid || 'missing'}, not Explicit VR Little Endian`;
  }
  if (header.sopInstanceUid !== expected.sopInstanceUid) {
    return `SOP Instance UID is ${header.sopInstanceUid || 'missing'}, expected ${expected.sopInstanceUid}`;
  }
  // PS3.10 7.1: the File Meta Information repeats the SOP Class and Instance UIDs.
  if (image.getString('00020003') !== header.sopInstanceUid)
    return 'Media Storage SOP Instance UID differs from SOP Instance UID';
  if (image.getString('00020002') !== header.sopClassUid)
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
  if (pixel.numberOfFrames !== expected.frames.length) {
    return `Number of Frames is ${pixel.numberOfFrames}, expected ${expected.frames.length}`;
  }
  return undefined;
}

function asBuffer(array: ArrayBufferView): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function checkPixels(image: DicomImage, expected: ExpectedOutput): string | undefined {
  for (let i = 0; i < expected.frames.length; i++) {
    const frame = expected.frames[i] ?? new Uint8Array(0);
    let stored: ArrayBufferView;
    try {
      stored = image.decodeFrame(i).data;
    } catch (thrown) {
      return `frame ${i + 1} cannot be read back (${thrown instanceof Error ? thrown.message : String(thrown)})`;
    }
    if (Buffer.compare(asBuffer(stored), asBuffer(frame)) !== 0)
      return `pixels of frame ${i + 1} differ from the rendered image`;
  }
  return undefined;
}

/**
 * Reads a written Secondary Capture back with the same reader the converter uses and compares it
 * with what was meant to be written: transfer syntax, SOP UIDs (data set and File Meta), the RGB
 * pixel format, geometry, frame count, and every pixel byte (memcmp, no per-pixel JS).
 */
export function verifyWrittenSecondaryCapture(bytes: Uint8Array, expected: ExpectedOutput): Verdict {
  // Borrowed frames: the written pixels are compared where they lie, with no copy.
  const read = readDicomBytes(bytes, { borrowPixels: true });
  if (!read.ok) return { ok: false, reason: `it does not read back as a DICOM image (${read.reason})` };
  const reason = checkTags(read.image, expected) ?? checkPixels(read.image, expected);
  return reason === undefined ? { ok: true } : { ok: false, reason };
}
