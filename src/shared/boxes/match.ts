import type { BoxRecord, BurnBox, OutlinePlacement, Rgb } from './model';

export { parseHexColor } from './hex-color';

/** What indexing needs of a record: the image it names (the app's findings carry packed regions). */
export type IndexedRecord = Pick<BoxRecord, 'target' | 'origin'>;

/** Box records indexed by each way a box file can name an image. */
export interface BoxIndex<R extends IndexedRecord = BoxRecord> {
  readonly all: readonly R[];
  readonly bySop: ReadonlyMap<string, R[]>;
  readonly byFile: ReadonlyMap<string, R[]>;
  readonly bySeriesInstance: ReadonlyMap<string, R[]>;
}

/** Finds the boxes naming an image (BoxIndex through `boxesForImage`, or the packed rows of a job). */
export interface BoxLookup<R extends IndexedRecord = BoxRecord> {
  boxesForImage(image: ImageIdentity): R[];
}

/** What the converter knows about one input image. */
export interface ImageIdentity {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  instanceNumber?: number;
  /** relative to the input folder, '/' separators */
  relativePath: string;
}

/** 'a\\b', './a/b' and 'a//./b' all become 'a/b', so a box file written on Windows still matches. */
export function normaliseRelativePath(path: string): string {
  const parts = path
    .trim()
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  return parts.join('/');
}

function seriesInstanceKey(seriesInstanceUid: string, instanceNumber: number): string {
  return `${seriesInstanceUid}\u0000${instanceNumber}`;
}

function push<R>(map: Map<string, R[]>, key: string, record: R): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

export function createBoxIndex<R extends IndexedRecord = BoxRecord>(boxes: readonly R[]): BoxIndex<R> {
  const bySop = new Map<string, R[]>();
  const byFile = new Map<string, R[]>();
  const bySeriesInstance = new Map<string, R[]>();
  for (const record of boxes) {
    const target = record.target;
    switch (target.kind) {
      case 'sop':
        push(bySop, target.sopInstanceUid, record);
        break;
      case 'file':
        push(byFile, normaliseRelativePath(target.file), record);
        break;
      case 'series-instance':
        push(bySeriesInstance, seriesInstanceKey(target.seriesInstanceUid, target.instanceNumber), record);
        break;
    }
  }
  return { all: [...boxes], bySop, byFile, bySeriesInstance };
}

/** Every box naming this image, whichever way it names it (all frames; filter on `frame` per frame). */
export function boxesForImage<R extends IndexedRecord>(index: BoxIndex<R>, image: ImageIdentity): R[] {
  const found = [
    ...(index.bySop.get(image.sopInstanceUid) ?? []),
    ...(index.byFile.get(normaliseRelativePath(image.relativePath)) ?? []),
  ];
  if (image.instanceNumber !== undefined) {
    found.push(
      ...(index.bySeriesInstance.get(seriesInstanceKey(image.seriesInstanceUid, image.instanceNumber)) ?? []),
    );
  }
  return found;
}

/** The boxes whose origin is not in `matchedOrigins`: they named no input image (or a frame it lacks). */
export function unmatchedBoxes<R extends IndexedRecord>(
  index: BoxIndex<R>,
  matchedOrigins: ReadonlySet<string>,
): R[] {
  return index.all.filter((record) => !matchedOrigins.has(record.origin));
}

/** A record as pixels to burn: corners rounded to whole pixels and in order, colour from the row or default. */
export function toBurnBox(
  record: BoxRecord,
  defaults: { color: Rgb; thickness: number; outline?: OutlinePlacement },
): BurnBox {
  const xa = Math.round(record.x1);
  const xb = Math.round(record.x2);
  const ya = Math.round(record.y1);
  const yb = Math.round(record.y2);
  const box: BurnBox = {
    x1: Math.min(xa, xb),
    y1: Math.min(ya, yb),
    x2: Math.max(xa, xb),
    y2: Math.max(ya, yb),
    color: record.color ?? defaults.color,
    thickness: Math.max(1, Math.round(record.thickness ?? defaults.thickness)),
  };
  if (record.label !== undefined) box.label = record.label;
  if (record.score !== undefined) box.score = record.score;
  if (defaults.outline === 'inside' && !record.region) box.outline = 'inside';
  if (record.id !== undefined) box.id = record.id;
  if (record.review !== undefined) box.review = record.review;
  if (record.finder !== undefined) box.finder = record.finder;
  if (record.region) {
    // The outline lies outside the region: the label goes beside the outline, not over it.
    box.region = record.region;
    box.x1 -= box.thickness;
    box.y1 -= box.thickness;
    box.x2 += box.thickness;
    box.y2 += box.thickness;
  }
  return box;
}
