/**
 * The link between the library (files and 0-based frames) and the box editor (SOP Instance UID and 1-based
 * frame, PS3.3 C.7.6.6): which slice a box sits on, the images of a folder for importing, the boxes of a
 * series in slice order.
 */
import type { EditableBox, EditorImage, SliceRef as EditorSlice } from '../../../shared/editor';
import type { SeriesEntry, SliceRef } from '../../../shared/ipc/library';

export const editorSlice = (slice: SliceRef): EditorSlice => ({
  sliceKey: slice.sopInstanceUid,
  frame: slice.frame + 1,
});

const key = (sliceKey: string, frame: number): string => `${frame}|${sliceKey}`;

/** Slice index of each (SOP Instance UID, 1-based frame) of a series. */
export function sliceIndex(series: SeriesEntry): Map<string, number> {
  return new Map(series.slices.map((slice, index) => [key(slice.sopInstanceUid, slice.frame + 1), index]));
}

export interface ListedBox {
  box: EditableBox;
  /** 0-based slice index in the series */
  index: number;
}

/** The boxes lying on a series, in slice order (then drawing order). */
export function boxesOfSeries(boxes: readonly EditableBox[], series: SeriesEntry): ListedBox[] {
  const indices = sliceIndex(series);
  const listed: ListedBox[] = [];
  for (const box of boxes) {
    const index = indices.get(key(box.sliceKey, box.frame));
    if (index !== undefined) listed.push({ box, index });
  }
  return listed.sort((a, b) => a.index - b.index);
}

/** A path below an opened folder, relative with '/' separators (what a box file's `file` column names). */
export function relativeTo(folder: string, path: string): string {
  const normal = path.replace(/\\/g, '/');
  const root = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  return normal.startsWith(`${root}/`) ? normal.slice(root.length + 1) : normal;
}

/** The images of the series found in one opened folder, as the import matcher needs them. */
export function folderImages(series: readonly SeriesEntry[], folder: string): EditorImage[] {
  const images = new Map<string, EditorImage>();
  for (const entry of series) {
    if (entry.folder !== folder) continue;
    for (const slice of entry.slices) {
      const known = images.get(slice.path);
      if (known) {
        known.frames = Math.max(known.frames, slice.frame + 1);
        continue;
      }
      images.set(slice.path, {
        sopInstanceUid: slice.sopInstanceUid,
        seriesInstanceUid: entry.seriesInstanceUid,
        ...(slice.instanceNumber === undefined ? {} : { instanceNumber: slice.instanceNumber }),
        relativePath: relativeTo(folder, slice.path),
        columns: entry.columns,
        rows: entry.rows,
        frames: slice.frame + 1,
      });
    }
  }
  return [...images.values()];
}
