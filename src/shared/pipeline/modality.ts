import type { LookupTable, ModalityTransform } from '../dicom/image-header';

/** Maps a stored value to a modality value (e.g. Hounsfield units). */
export type ModalityFunction = (stored: number) => number;

/**
 * Looks a value up in a LUT: input values below the first mapped value take the first entry, values past the
 * end take the last entry (PS3.3 C.11.1.1.1, C.11.2.1.1.1). An empty table maps everything to 0.
 */
export function lookUp(lut: LookupTable, input: number): number {
  const last = lut.data.length - 1;
  if (last < 0) return 0;
  const index = Math.round(input) - lut.firstMapped;
  if (index <= 0) return lut.data[0] ?? 0;
  if (index >= last) return lut.data[last] ?? 0;
  return lut.data[index] ?? 0;
}

/** The Modality LUT stage (PS3.3 C.11.1): RescaleSlope * stored + RescaleIntercept, or a Modality LUT. */
export function modalityFunction(transform: ModalityTransform): ModalityFunction {
  switch (transform.kind) {
    case 'rescale': {
      const { slope, intercept } = transform;
      if (slope === 1 && intercept === 0) return (stored) => stored;
      return (stored) => stored * slope + intercept;
    }
    case 'lut': {
      const lut = transform.lut;
      return (stored) => lookUp(lut, stored);
    }
  }
}
