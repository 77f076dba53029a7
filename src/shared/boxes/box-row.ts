import type { BoxParseError, BoxRecord, BoxTarget } from './model';
import { parseHexColor } from './hex-color';
import { isReviewState, REVIEW_STATES } from '../review/review-state';

/** The column names a box file may use (header names are matched case-insensitively, see `columnKey`). */
export const BOX_COLUMNS = [
  'sop_instance_uid',
  'file',
  'series_instance_uid',
  'instance_number',
  'frame',
  'x1',
  'y1',
  'x2',
  'y2',
  'label',
  'score',
  'color',
  'thickness',
  'id',
  'review',
  'finder',
] as const;

export type BoxColumn = (typeof BOX_COLUMNS)[number];

/** A raw cell: CSV gives strings, JSON strings or numbers; absent and empty cells are the same. */
export type BoxCell = string | number | null | undefined;

export const REQUIRED_COLUMNS_TEXT =
  'x1, y1, x2, y2 and one of: sop_instance_uid, file, or series_instance_uid + instance_number';

/** 'SOP Instance UID', 'sop-instance-uid' and 'SOP_INSTANCE_UID' all name sop_instance_uid. */
export function columnKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** True when the columns can name an image and a rectangle. */
export function hasUsableColumns(columns: ReadonlySet<string>): boolean {
  const coords = ['x1', 'y1', 'x2', 'y2'].every((c) => columns.has(c));
  const target =
    columns.has('sop_instance_uid') ||
    columns.has('file') ||
    (columns.has('series_instance_uid') && columns.has('instance_number'));
  return coords && target;
}

/** Wider outlines than this are a typo, not a box. */
export const MAX_THICKNESS = 256;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function text(cell: BoxCell): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = typeof cell === 'number' ? String(cell) : cell.trim();
  return value === '' ? undefined : value;
}

function number(cell: BoxCell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const value = text(cell);
  return value !== undefined && DECIMAL.test(value) ? Number(value) : undefined;
}

/** Collects the reasons a row is unusable, one per column at fault. */
class Problems {
  readonly reasons: string[] = [];
  add(reason: string): void {
    this.reasons.push(reason);
  }
}

function coordinate(
  get: (c: BoxColumn) => BoxCell,
  column: 'x1' | 'y1' | 'x2' | 'y2',
  problems: Problems,
): number {
  const raw = text(get(column));
  if (raw === undefined) {
    problems.add(`column ${column} is empty`);
    return 0;
  }
  const value = number(get(column));
  if (value === undefined) problems.add(`column ${column}: "${raw}" is not a number`);
  return value ?? 0;
}

function target(get: (c: BoxColumn) => BoxCell, problems: Problems): BoxTarget | undefined {
  const sopInstanceUid = text(get('sop_instance_uid'));
  const seriesInstanceUid = text(get('series_instance_uid'));
  if (sopInstanceUid !== undefined) return { kind: 'sop', sopInstanceUid };
  const file = text(get('file'));
  if (file !== undefined) return { kind: 'file', file };
  const instanceRaw = text(get('instance_number'));
  if (seriesInstanceUid !== undefined && instanceRaw !== undefined) {
    const instanceNumber = number(get('instance_number'));
    if (instanceNumber === undefined || !Number.isInteger(instanceNumber)) {
      problems.add(`column instance_number: "${instanceRaw}" is not a whole number`);
      return undefined;
    }
    return { kind: 'series-instance', seriesInstanceUid, instanceNumber };
  }
  problems.add('no image named: fill sop_instance_uid, or file, or series_instance_uid + instance_number');
  return undefined;
}

function optionalFields(
  get: (c: BoxColumn) => BoxCell,
  problems: Problems,
): Partial<BoxRecord> & { frame: number } {
  const result: Partial<BoxRecord> & { frame: number } = { frame: 1 };
  const frameRaw = text(get('frame'));
  if (frameRaw !== undefined) {
    const frame = number(get('frame'));
    if (frame === undefined || !Number.isInteger(frame) || frame < 1) {
      problems.add(`column frame: "${frameRaw}" is not a frame number (whole number, counting from 1)`);
    } else result.frame = frame;
  }
  const label = text(get('label'));
  if (label !== undefined) result.label = label;
  const scoreRaw = text(get('score'));
  if (scoreRaw !== undefined) {
    const score = number(get('score'));
    if (score === undefined || score < 0 || score > 1) {
      problems.add(`column score: "${scoreRaw}" is not a score between 0 and 1`);
    } else result.score = score;
  }
  const colorRaw = text(get('color'));
  if (colorRaw !== undefined) {
    const color = parseHexColor(colorRaw);
    if (!color)
      problems.add(`column color: "${colorRaw}" is not a colour; write rrggbb or #rrggbb, e.g. ff0000`);
    else result.color = color;
  }
  const thicknessRaw = text(get('thickness'));
  if (thicknessRaw !== undefined) {
    const thickness = number(get('thickness'));
    if (
      thickness === undefined ||
      !Number.isInteger(thickness) ||
      thickness < 1 ||
      thickness > MAX_THICKNESS
    ) {
      problems.add(
        `column thickness: "${thicknessRaw}" is not an outline width (whole number of pixels, 1 to ${MAX_THICKNESS})`,
      );
    } else result.thickness = thickness;
  }
  reviewFields(get, result, problems);
  return result;
}

/** Longest `id` kept: the report's Tracking Identifier is a TEXT item, but ids are names, not essays. */
export const MAX_ID_LENGTH = 64;

/** The `id`, `review` and `finder` columns (all optional; an empty `review` is unreviewed, an empty `finder` the algorithm). */
function reviewFields(get: (c: BoxColumn) => BoxCell, result: Partial<BoxRecord>, problems: Problems): void {
  const id = text(get('id'));
  if (id !== undefined) {
    if (id.length > MAX_ID_LENGTH)
      problems.add(`column id: "${id.slice(0, 20)}..." is longer than ${MAX_ID_LENGTH} characters`);
    else result.id = id;
  }
  const review = text(get('review'))?.toLowerCase();
  if (review !== undefined) {
    if (!isReviewState(review))
      problems.add(
        `column review: "${review}" is not a review state; write one of ${REVIEW_STATES.join(', ')}, or leave it empty (unreviewed)`,
      );
    else if (review !== 'unreviewed') result.review = review;
  }
  const finder = text(get('finder'))?.toLowerCase();
  if (finder !== undefined && finder !== 'algorithm') {
    if (finder !== 'reader')
      problems.add(
        `column finder: "${finder}" is not who found the finding; write reader (the reader drew it) or algorithm, or leave it empty (the algorithm)`,
      );
    else result.finder = 'reader';
  }
}

/**
 * Turns one row's cells into a BoxRecord (corners put in order so x1 <= x2 and y1 <= y2), or an error naming
 * every column at fault.
 */
export function parseBoxRow(get: (column: BoxColumn) => BoxCell, origin: string): BoxRecord | BoxParseError {
  const problems = new Problems();
  const boxTarget = target(get, problems);
  const x1 = coordinate(get, 'x1', problems);
  const y1 = coordinate(get, 'y1', problems);
  const x2 = coordinate(get, 'x2', problems);
  const y2 = coordinate(get, 'y2', problems);
  const optional = optionalFields(get, problems);
  if (!boxTarget || problems.reasons.length > 0) return { origin, reason: problems.reasons.join('; ') };
  // Properties added one by one, not spread: spreading gave each record its own hidden class (~300 bytes
  // more per row: a 100,000-row box file took ~60 MB instead of ~25 MB). Same keys, same order.
  const record = optional as BoxRecord;
  record.target = boxTarget;
  record.x1 = Math.min(x1, x2);
  record.y1 = Math.min(y1, y2);
  record.x2 = Math.max(x1, x2);
  record.y2 = Math.max(y1, y2);
  record.origin = origin;
  const series = text(get('series_instance_uid'));
  if (series !== undefined && boxTarget.kind !== 'series-instance') record.series = series;
  return record;
}

/** True for a row that parsed. */
export function isBoxRecord(row: BoxRecord | BoxParseError): row is BoxRecord {
  return 'target' in row;
}
