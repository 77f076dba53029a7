import type { BoxRecord, Rgb } from './model';

/**
 * Writes boxes in the box file formats the CLI and `parseBoxFile` read (CSV with a header row, or a JSON
 * array of objects with the same keys), so an exported file can be re-imported or passed to
 * `dicom-ink convert --boxes`. Every identifier known for a box is written: the SOP Instance UID names the
 * image exactly, and series UID + instance number keep the file usable by pipelines that key on those.
 */
export interface SerializableBox extends Omit<BoxRecord, 'target' | 'origin' | 'series'> {
  sopInstanceUid?: string;
  seriesInstanceUid?: string;
  instanceNumber?: number;
  /** path relative to the input folder */
  file?: string;
}

type Column =
  | 'sop_instance_uid'
  | 'series_instance_uid'
  | 'instance_number'
  | 'file'
  | 'frame'
  | 'x1'
  | 'y1'
  | 'x2'
  | 'y2'
  | 'label'
  | 'score'
  | 'color'
  | 'thickness'
  | 'id'
  | 'review'
  | 'finder';

const BEFORE_FILE: readonly Column[] = ['sop_instance_uid', 'series_instance_uid', 'instance_number'];
const AFTER_FILE: readonly Column[] = ['frame', 'x1', 'y1', 'x2', 'y2', 'label', 'score', 'color'];

/**
 * `file`, `thickness`, `id`, `review` and `finder` are written only when some box has one: most exports name images by UID alone,
 * and model output has no per-box outline width.
 */
function columnsFor(boxes: readonly SerializableBox[]): Column[] {
  const withFile = boxes.some((b) => b.file !== undefined);
  const withThickness = boxes.some((b) => b.thickness !== undefined);
  const withId = boxes.some((b) => b.id !== undefined);
  const withReview = boxes.some((b) => b.review !== undefined);
  const withFinder = boxes.some((b) => b.finder !== undefined);
  return [
    ...BEFORE_FILE,
    ...(withFile ? (['file'] as const) : []),
    ...AFTER_FILE,
    ...(withThickness ? (['thickness'] as const) : []),
    ...(withId ? (['id'] as const) : []),
    ...(withReview ? (['review'] as const) : []),
    ...(withFinder ? (['finder'] as const) : []),
  ];
}

function cell(box: SerializableBox, column: Column): string | number | undefined {
  switch (column) {
    case 'sop_instance_uid':
      return box.sopInstanceUid;
    case 'series_instance_uid':
      return box.seriesInstanceUid;
    case 'instance_number':
      return box.instanceNumber;
    case 'file':
      return box.file;
    case 'frame':
      return box.frame;
    case 'x1':
      return box.x1;
    case 'y1':
      return box.y1;
    case 'x2':
      return box.x2;
    case 'y2':
      return box.y2;
    case 'label':
      return box.label;
    case 'score':
      return box.score;
    case 'color':
      return box.color === undefined ? undefined : hexColor(box.color);
    case 'thickness':
      return box.thickness;
    case 'id':
      return box.id;
    case 'review':
      return box.review;
    case 'finder':
      return box.finder;
  }
}

/** 'rrggbb', lower case, no '#': the form the box file formats document. */
export function hexColor(color: Rgb): string {
  return color
    .map((c) =>
      Math.max(0, Math.min(255, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
}

/**
 * RFC 4180 quoting: a field holding a comma, a double quote, a line break, or spaces at either end is
 * enclosed in double quotes, with inner quotes doubled.
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a header row, one box per line, LF line ends, empty cells for unknown values. */
export function boxesToCsv(boxes: readonly SerializableBox[]): string {
  const columns = columnsFor(boxes);
  const lines = [columns.join(',')];
  for (const box of boxes) {
    lines.push(
      columns
        .map((column) => {
          const value = cell(box, column);
          return value === undefined ? '' : csvField(String(value));
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A JSON array of objects with the CSV's keys; unknown values are left out rather than written as null. */
export function boxesToJson(boxes: readonly SerializableBox[]): string {
  const columns = columnsFor(boxes);
  const rows = boxes.map((box) => {
    const row: Record<string, string | number> = {};
    for (const column of columns) {
      const value = cell(box, column);
      if (value !== undefined) row[column] = value;
    }
    return row;
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A parsed box file row, ready to be written again (e.g. after filtering by score). */
export function boxRecordToSerializable(record: BoxRecord): SerializableBox {
  const { target, origin: _origin, series, ...rest } = record;
  const named = series !== undefined ? { seriesInstanceUid: series } : {};
  switch (target.kind) {
    case 'sop':
      return { ...rest, ...named, sopInstanceUid: target.sopInstanceUid };
    case 'file':
      return { ...rest, ...named, file: target.file };
    case 'series-instance':
      return { ...rest, seriesInstanceUid: target.seriesInstanceUid, instanceNumber: target.instanceNumber };
  }
}
