/**
 * A Segmentation's counts checked against the bytes it holds, before anything is allocated or looped
 * over: Number of Frames x Rows x Columns must fit the Pixel Data present (1 bit a pixel for BINARY,
 * packed across frames; 8 bits for FRACTIONAL, PS3.3 C.8.20.2), and the Per-Frame Functional Groups
 * Sequence must have one item per frame (PS3.3 C.7.6.16). A 9 KB file claiming 10^7 frames is refused
 * here, at once, with what it claims and what it has.
 */
import type { DataSet } from 'dicom-parser';
import { numberValue, uint16Value } from '../dicom/dataset-values';

export interface SegExtent {
  rows: number;
  columns: number;
  frames: number;
  fractional: boolean;
  /** the Pixel Data bytes present in the file */
  pixels: Uint8Array;
}

function perFrameItems(ds: DataSet): number {
  return (ds.elements.x52009230?.items ?? []).length;
}

/** The counts and pixels of a SEG, or why its counts do not fit what the file holds. */
export function segExtent(ds: DataSet, type: string): SegExtent | string {
  const rows = uint16Value(ds, '00280010') ?? 0;
  const columns = uint16Value(ds, '00280011') ?? 0;
  const frames = numberValue(ds, '00280008') ?? 1;
  const pixelElement = ds.elements.x7fe00010;
  if (!pixelElement || rows === 0 || columns === 0) return 'no pixel data';
  if (!Number.isSafeInteger(frames) || frames < 1)
    return `its Number of Frames (0028,0008) is ${frames}, not a count of frames`;
  const fractional = type === 'FRACTIONAL';
  const bits = frames * rows * columns * (fractional ? 8 : 1);
  const needed = Math.ceil(bits / 8);
  const start = ds.byteArray.byteOffset + pixelElement.dataOffset;
  const present = Math.max(0, Math.min(pixelElement.length, ds.byteArray.length - pixelElement.dataOffset));
  if (needed > present)
    return (
      `it claims ${frames} frames of ${columns}x${rows} ${fractional ? 'FRACTIONAL (8-bit)' : 'BINARY (1-bit)'} ` +
      `pixels, ${needed} bytes of Pixel Data, but holds ${present}; it is damaged or not a segmentation DICOM Ink can read`
    );
  const items = perFrameItems(ds);
  // A single frame may rely on the shared groups alone.
  if (items !== frames && !(frames === 1 && items === 0))
    return `it claims ${frames} frames but its Per-Frame Functional Groups Sequence (5200,9230) has ${items} item(s); each frame needs one`;
  return { rows, columns, frames, fractional, pixels: new Uint8Array(ds.byteArray.buffer, start, present) };
}
