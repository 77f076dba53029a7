import type { BoxTarget } from '../../shared/boxes/model';
import { normaliseRelativePath } from '../../shared/boxes/match';
import type { CatalogImage, ImageCatalog } from '../../shared/findings/catalog';

/** An image named by a detector: a SOP Instance UID or a path relative to the input folder. */
export function findImage(catalog: ImageCatalog, name: string): CatalogImage | undefined {
  return catalog.bySop.get(name.trim()) ?? catalog.byRelativePath.get(normaliseRelativePath(name));
}

export function sopTarget(image: CatalogImage): BoxTarget {
  return { kind: 'sop', sopInstanceUid: image.sopInstanceUid };
}

/**
 * Detector pixel boxes use continuous coordinates (pixel i spans [i, i + 1)); DICOM Ink's boxes are
 * inclusive pixel indices. [left, right) -> left .. right - 1, rounded to whole pixels.
 */
export function inclusivePixels(
  left: number,
  top: number,
  right: number,
  bottom: number,
): {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
} {
  const x1 = Math.round(left);
  const y1 = Math.round(top);
  return { x1, y1, x2: Math.max(x1, Math.round(right) - 1), y2: Math.max(y1, Math.round(bottom) - 1) };
}
