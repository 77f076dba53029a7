/**
 * Where each frame of a DICOM Segmentation lands (PS3.3 C.8.20.3, functional groups C.7.6.16): its
 * segment, then its source image and frame (per-frame Derivation Image, Referenced SOP Instance and
 * Frame Number) or, without one, the input slice whose plane holds its position.
 */
import type { DataSet } from 'dicom-parser';
import type { CatalogImage, ImageCatalog } from '../../shared/findings/catalog';
import { apply, invert } from '../../shared/geometry/affine';
import { planeAffine } from '../../shared/geometry/image-plane';
import { firstItem, numberValues, sequenceItems, stringValue, uint16Value } from '../dicom/dataset-values';

function nested(ds: DataSet | undefined, ...tags: string[]): DataSet | undefined {
  let current = ds;
  for (const tag of tags) current = current ? firstItem(current, tag) : undefined;
  return current;
}

interface SegFrame {
  segment: number;
  referencedSop?: string;
  /** Referenced Frame Number (0008,1160) of the source image: which frame of a multi-frame source */
  referencedFrames?: number[];
  position?: number[];
}

/** Per-frame segment and source image or plane position (PS3.3 C.8.20.3, functional groups C.7.6.16). */
export function readFrames(ds: DataSet, count: number): SegFrame[] {
  const perFrame = sequenceItems(ds, '52009230');
  const shared = firstItem(ds, '52009229');
  const frames: SegFrame[] = [];
  for (let n = 0; n < count; n++) {
    const groups = perFrame[n];
    const segment =
      uint16Value(nested(groups, '0062000a') ?? nested(shared, '0062000a') ?? ds, '0062000b') ?? 0;
    const frame: SegFrame = { segment };
    const source = nested(groups, '00089124', '00082112') ?? nested(shared, '00089124', '00082112');
    const sop = source ? stringValue(source, '00081155') : undefined;
    if (sop) frame.referencedSop = sop;
    const referencedFrames = source ? numberValues(source, '00081160') : undefined;
    if (referencedFrames !== undefined && referencedFrames.length > 0)
      frame.referencedFrames = referencedFrames;
    const plane = nested(groups, '00209113') ?? nested(shared, '00209113');
    const position = plane ? numberValues(plane, '00200032') : undefined;
    if (position?.length === 3) frame.position = position;
    frames.push(frame);
  }
  return frames;
}

/** Where a segmentation frame lands: an input image and its frame (1 for a single-frame image). */
export interface FramePlace {
  image: CatalogImage;
  frame: number;
}

/** The frame of a referenced source image: its Referenced Frame Number, required for a multi-frame image. */
function sourceFrame(frame: SegFrame, image: CatalogImage): number | string {
  const numbers = frame.referencedFrames;
  if (numbers === undefined) {
    return image.frames > 1
      ? `it references ${image.relativePath}, a ${image.frames}-frame image, without naming its frame (Referenced Frame Number)`
      : 1;
  }
  const [number] = numbers;
  if (numbers.length > 1 || number === undefined || !Number.isInteger(number))
    return `it references frames ${numbers.join(', ')} of ${image.relativePath}: one frame expected`;
  if (number < 1 || number > image.frames)
    return `it references frame ${number} of ${image.relativePath}, which has ${image.frames} frame${image.frames === 1 ? '' : 's'}`;
  return number;
}

/** The image and frame a segmentation frame belongs to: its referenced source, else the slice at its position. */
export function framePlace(
  frame: SegFrame,
  catalog: ImageCatalog,
  rows: number,
  columns: number,
): FramePlace | string {
  if (frame.referencedSop) {
    const image = catalog.bySop.get(frame.referencedSop);
    if (!image) return `it references SOP Instance ${frame.referencedSop}, which is not among the inputs`;
    if (image.rows !== rows || image.columns !== columns)
      return `it is ${columns}x${rows} but its source image is ${image.columns}x${image.rows}`;
    const number = sourceFrame(frame, image);
    return typeof number === 'string' ? number : { image, frame: number };
  }
  if (!frame.position)
    return 'it names neither a source image (ReferencedSOPInstanceUID) nor a plane position';
  const [x = 0, y = 0, z = 0] = frame.position;
  for (const image of catalog.images) {
    if (!image.plane || image.rows !== rows || image.columns !== columns) continue;
    const inverse = invert(planeAffine(image.plane));
    if (!inverse) continue;
    const [col, row, d] = apply(inverse, [x, y, z]);
    const spacing = Math.min(image.plane.rowSpacing, image.plane.columnSpacing);
    if (Math.abs(col) < 0.5 && Math.abs(row) < 0.5 && Math.abs(d) < 0.5 * spacing) return { image, frame: 1 };
  }
  return `no input slice lies at its plane position (${frame.position.map((v) => v.toFixed(2)).join(', ')}) mm`;
}
