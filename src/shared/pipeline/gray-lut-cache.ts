import type { ImageHeader } from '../dicom/image-header';
import { buildGrayLut } from './gray';
import type { ResolvedVoi } from './types';

/**
 * The last gray table built, reused while the settings that shape it stay the same: a series renders frame
 * after frame with one header layout and one window, and headers arrive as fresh copies from workers, so the
 * comparison is by value (tables by reference).
 */
let last: { key: string; modality: unknown; voiLut: unknown; table: Uint8Array } | undefined;

function keyOf(header: ImageHeader, voi: ResolvedVoi): string {
  const p = header.pixel;
  const m = header.modalityTransform;
  const modality = m.kind === 'rescale' ? `r${m.slope},${m.intercept}` : 'lut';
  const window = voi.kind === 'window' ? `w${voi.center},${voi.width},${voi.fn}` : voi.kind;
  return `${p.bitsAllocated},${p.bitsStored},${p.highBit},${p.pixelRepresentation},${p.photometric}|${modality}|${window}`;
}

/** `buildGrayLut`, memoised on the last call. */
export function cachedGrayLut(header: ImageHeader, voi: ResolvedVoi): Uint8Array {
  const key = keyOf(header, voi);
  const modality = header.modalityTransform.kind === 'lut' ? header.modalityTransform.lut.data : undefined;
  const voiLut = voi.kind === 'lut' ? voi.lut.data : undefined;
  if (last && last.key === key && last.modality === modality && last.voiLut === voiLut) return last.table;
  const table = buildGrayLut(header, voi);
  last = { key, modality, voiLut, table };
  return table;
}
