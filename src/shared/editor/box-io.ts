import { boxClip, boxClipText } from '../boxes/clip';
import { boxesForImage, createBoxIndex, type ImageIdentity } from '../boxes/match';
import type { BoxParseError, BoxRecord } from '../boxes/model';
import type { PackedRegion } from '../boxes/packed-region';
import type { SerializableBox } from '../boxes/serialize';
import { clampToImage, type BoxStyle, type EditableBox, type NewBox } from './editable-box';

/** What the editor knows about one open image: how files name it, and its size. */
export interface EditorImage extends ImageIdentity {
  columns: number;
  rows: number;
  /** Number of Frames (0028,0008); 1 for single-frame images */
  frames: number;
}

/** A finding as the app receives it from main's importers: a box record, its mask region packed. */
export type PlacedRecord = Omit<BoxRecord, 'region'> & { region?: PackedRegion };

export interface ImportResult {
  boxes: NewBox[];
  /** rows that named no open image, a frame it lacks, or pixels outside it, with the reason */
  unmatched: BoxParseError[];
  /** rows whose box reaches past its image, imported clipped, with the edges (boxClipText) */
  clipped: BoxParseError[];
}

/**
 * Box file rows -> boxes on the open images, matched the way the converter matches them (SOP Instance
 * UID, file path, or series UID + instance number), so an import shows exactly what an export would burn.
 * Corners beyond the image are clipped, and the box keeps which edges (`clippedEdges`) and is listed in
 * `clipped`, as the CLI summary lists it; a box entirely outside the image is reported instead.
 */
export function importBoxRecords(
  records: readonly PlacedRecord[],
  images: readonly EditorImage[],
  style: BoxStyle,
): ImportResult {
  const index = createBoxIndex(records);
  const matched = new Map<string, NewBox[]>();
  const unmatched: BoxParseError[] = [];
  const clipped: BoxParseError[] = [];
  for (const image of images) {
    for (const record of boxesForImage(index, image)) {
      if (matched.has(record.origin)) continue;
      const problem = misfit(record, image);
      if (problem !== undefined) {
        unmatched.push({ origin: record.origin, reason: problem });
        matched.set(record.origin, []);
        continue;
      }
      const box = toNewBox(record, image, style);
      const clip = boxClip(record, image);
      if (clip !== undefined) {
        box.clippedEdges = clip.edges;
        clipped.push({ origin: record.origin, reason: boxClipText(clip, image) });
      }
      matched.set(record.origin, [box]);
    }
  }
  for (const record of records) {
    if (!matched.has(record.origin)) {
      unmatched.push({
        origin: record.origin,
        reason: 'names no open image: check its UID, file path or instance number',
      });
    }
  }
  const boxes = records.flatMap((r) => matched.get(r.origin) ?? []);
  return { boxes, unmatched, clipped };
}

function misfit(record: PlacedRecord, image: EditorImage): string | undefined {
  if (record.frame > image.frames) {
    return `frame ${record.frame} does not exist: the image has ${image.frames} frame(s)`;
  }
  if (record.x1 > image.columns - 1 || record.y1 > image.rows - 1 || record.x2 < 0 || record.y2 < 0) {
    return `the box lies outside the ${image.columns}x${image.rows} image`;
  }
  return undefined;
}

function toNewBox(record: PlacedRecord, image: EditorImage, style: BoxStyle): NewBox {
  const box: NewBox = {
    sliceKey: image.sopInstanceUid,
    frame: record.frame,
    x1: Math.round(record.x1),
    y1: Math.round(record.y1),
    x2: Math.round(record.x2),
    y2: Math.round(record.y2),
    color: record.color ?? style.color,
    thickness: record.thickness ?? style.thickness,
  };
  if (record.label !== undefined) box.label = record.label;
  if (record.score !== undefined) box.score = record.score;
  if (record.region !== undefined) box.region = record.region;
  if (record.id !== undefined) box.findingId = record.id;
  if (record.review !== undefined) box.review = record.review;
  if (record.finder === 'reader') box.drawn = true;
  return clampToImage(box, image);
}

/** Editor boxes -> rows for `boxesToCsv` / `boxesToJson`, with every identifier the image has. */
export function exportableBoxes(
  boxes: readonly EditableBox[],
  images: readonly EditorImage[],
): SerializableBox[] {
  const bySop = new Map(images.map((image) => [image.sopInstanceUid, image]));
  return boxes.map((box) => {
    const image = bySop.get(box.sliceKey);
    const row: SerializableBox = {
      sopInstanceUid: box.sliceKey,
      frame: box.frame,
      x1: box.x1,
      y1: box.y1,
      x2: box.x2,
      y2: box.y2,
      color: box.color,
      thickness: box.thickness,
    };
    if (image !== undefined) {
      row.seriesInstanceUid = image.seriesInstanceUid;
      if (image.instanceNumber !== undefined) row.instanceNumber = image.instanceNumber;
      row.file = image.relativePath;
    }
    if (box.label !== undefined) row.label = box.label;
    if (box.score !== undefined) row.score = box.score;
    if (box.findingId !== undefined) row.id = box.findingId;
    if (box.review !== undefined) row.review = box.review;
    if (box.drawn === true) row.finder = 'reader';
    return row;
  });
}
