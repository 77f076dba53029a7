import type { ImageHeader } from '../dicom/image-header';
import { formatModalityRange, minMaxWindow } from './min-max';
import { modalityFunction } from './modality';
import { storedValueReader } from './stored-value';
import type { ResolvedVoi } from './types';
import { GRAY_MAX, toGray, voiLinear, voiLutFunction, voiWindowFunction } from './voi';

/** Maps one raw sample word to its final 8-bit gray level. */
export type GrayMapper = (raw: number) => number;

/** The VOI stage as a function of the modality value, giving the real output in 0..255. */
function voiStage(header: ImageHeader, voi: ResolvedVoi): (x: number) => number {
  switch (voi.kind) {
    case 'window': {
      const { center, width } = voi;
      const fn = voiWindowFunction(voi.fn);
      return (x) => fn(x, center, width);
    }
    case 'lut':
      return voiLutFunction(voi.lut);
    case 'none': {
      // No VOI for a grayscale image: show the whole range the format can hold rather than clipping.
      const range = formatModalityRange(header);
      const { center, width } = minMaxWindow(range.min, range.max);
      return (x) => voiLinear(x, center, width);
    }
  }
}

/**
 * The whole grayscale chain for one raw word: stored value (PS3.5 8.1.1) -> modality transform (PS3.3 C.11.1)
 * -> VOI (C.11.2) -> 8-bit level -> MONOCHROME1 inversion, which comes after VOI (PS3.3 C.7.6.3.1.2: minimum
 * sample value is white). This is the reference; `buildGrayLut` tabulates it.
 */
export function grayMapper(header: ImageHeader, voi: ResolvedVoi): GrayMapper {
  const stored = storedValueReader(header.pixel);
  const modality = modalityFunction(header.modalityTransform);
  const voiOut = voiStage(header, voi);
  if (header.pixel.photometric === 'MONOCHROME1') {
    // Inverted on the real VOI output, then truncated: the same order as DCMTK, so levels agree exactly.
    return (raw) => toGray(GRAY_MAX - voiOut(modality(stored(raw))));
  }
  return (raw) => toGray(voiOut(modality(stored(raw))));
}

/**
 * For BitsAllocated <= 16: the final gray level of every possible raw sample word (0 .. 2^BitsAllocated - 1),
 * masking and sign folded in, so rendering is one lookup per pixel.
 */
export function buildGrayLut(header: ImageHeader, voi: ResolvedVoi): Uint8Array {
  const bitsAllocated = header.pixel.bitsAllocated;
  if (bitsAllocated > 16 || bitsAllocated < 1) {
    throw new RangeError(
      `buildGrayLut supports BitsAllocated 1..16, got ${bitsAllocated}; map 32-bit samples with grayMapper`,
    );
  }
  const map = grayMapper(header, voi);
  const table = new Uint8Array(2 ** bitsAllocated);
  for (let raw = 0; raw < table.length; raw++) table[raw] = map(raw);
  return table;
}
