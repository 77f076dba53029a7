import type { LookupTable, VoiFunction } from '../dicom/image-header';

/** What the user asked for. */
export type WindowSpec =
  | { kind: 'auto' }
  | { kind: 'preset'; name: string }
  | { kind: 'custom'; center: number; width: number; fn?: VoiFunction };

/** The VOI stage actually applied to one frame, after resolving a WindowSpec against a file. */
export type ResolvedVoi =
  | {
      kind: 'window';
      center: number;
      width: number;
      fn: VoiFunction;
      source: 'file' | 'preset' | 'custom' | 'min-max';
    }
  | { kind: 'lut'; lut: LookupTable }
  | { kind: 'none' };

/** 8-bit RGB, pixel-interleaved, rows*columns*3 bytes: what the viewer shows and the export writes. */
export interface RgbImage {
  columns: number;
  rows: number;
  data: Uint8Array;
}
