/**
 * One frame of a native multi-frame file as a single-frame file of its own: the same bytes with
 * Number of Frames "1" (same value length, so nothing else moves) and only that frame's Pixel Data.
 * Needs Pixel Data to be the last element and Number of Frames an even-length IS value.
 */
import { parseDicom } from 'dicom-parser';

export function singleFrameOf(bytes: Uint8Array, index: number): Uint8Array {
  const ds = parseDicom(bytes);
  const frames = ds.elements.x00280008;
  const pixels = ds.elements.x7fe00010;
  if (!frames || !pixels) throw new Error('not a multi-frame native file');
  const count = Number(ds.string('x00280008'));
  const frameBytes = pixels.length / count;
  if (pixels.dataOffset + pixels.length !== bytes.length) throw new Error('Pixel Data is not last');
  const out = Buffer.from(bytes.subarray(0, pixels.dataOffset + frameBytes));
  out.fill(0x20, frames.dataOffset, frames.dataOffset + frames.length);
  out.write('1', frames.dataOffset, 'latin1');
  out.writeUInt32LE(frameBytes, pixels.dataOffset - 4);
  out.set(
    bytes.subarray(pixels.dataOffset + index * frameBytes, pixels.dataOffset + (index + 1) * frameBytes),
    pixels.dataOffset,
  );
  return out;
}
