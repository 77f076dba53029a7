import {
  BOX_COLUMNS,
  REQUIRED_COLUMNS_TEXT,
  columnKey,
  hasUsableColumns,
  isBoxRecord,
  parseBoxRow,
} from './box-row';
import type { BoxCell, BoxColumn } from './box-row';
import { forEachCsvRecord } from './csv';
import { visitJsonArray } from './json-lines';
import type { BoxParseError, BoxRecord } from './model';

export interface BoxFileResult {
  boxes: BoxRecord[];
  errors: BoxParseError[];
}

const KNOWN = new Set<string>(BOX_COLUMNS);

function looksLikeJson(text: string, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  const start = text.replace(/^\ufeff/, '').trimStart();
  return start.startsWith('[') || start.startsWith('{');
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/** Where good rows go: kept in the result, or handed on one at a time. */
type OnBox = ((record: BoxRecord) => void) | undefined;

/** CSV with a header row; errors carry `name:LINE`, the physical line the row starts on. Read row by row. */
function parseCsvBoxes(text: string, fileName: string, onBox: OnBox): BoxFileResult {
  const result: BoxFileResult = { boxes: [], errors: [] };
  const good = onBox ?? ((record: BoxRecord) => result.boxes.push(record));
  let header: { line: number; columns: string[]; usable: boolean } | undefined;
  const position = new Map<string, number>();
  forEachCsvRecord(text, (record) => {
    if (isBlank(record.fields)) return;
    if (!header) {
      const columns = record.fields.map(columnKey);
      header = { line: record.line, columns, usable: hasUsableColumns(new Set(columns)) };
      columns.forEach((column, index) => {
        if (KNOWN.has(column) && !position.has(column)) position.set(column, index);
      });
      return;
    }
    if (!header.usable) return;
    const get = (column: BoxColumn): BoxCell => {
      const index = position.get(column);
      return index === undefined ? undefined : record.fields[index];
    };
    const row = parseBoxRow(get, `${fileName}:${record.line}`);
    if (isBoxRecord(row)) good(row);
    else result.errors.push(row);
  });
  if (!header?.usable) {
    const found = (header?.columns ?? []).filter((c) => c !== '').join(', ') || 'nothing';
    return {
      boxes: [],
      errors: [
        {
          origin: `${fileName}:${header?.line ?? 1}`,
          reason: `no usable header row: a box file needs the columns ${REQUIRED_COLUMNS_TEXT} (found: ${found})`,
        },
      ],
    };
  }
  return result;
}

/**
 * A JSON row: an object (not an array) whose values are strings, numbers or null. Checked by hand: the
 * schema library this used took ~0.1-0.4 s to load on every `convert --boxes`, for this one test.
 */
function isJsonRow(value: unknown): value is Record<string, string | number | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || typeof v === 'string' || typeof v === 'number');
}

/** One element of a JSON box file: its record, or why it is not one. */
function jsonRow(element: unknown, origin: string, line: number): BoxRecord | BoxParseError {
  const where = ` (line ${line})`;
  if (!isJsonRow(element)) return { origin, reason: `not an object of strings and numbers${where}` };
  const cells = new Map<string, BoxCell>();
  for (const [key, value] of Object.entries(element)) cells.set(columnKey(key), value);
  const result = parseBoxRow((column) => cells.get(column), origin);
  return isBoxRecord(result) ? result : { origin, reason: `${result.reason}${where}` };
}

/** Why a JSON box file that is not one valid array cannot be read at all. */
function notAnArray(body: string, fileName: string): BoxParseError {
  try {
    JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { origin: fileName, reason: `not valid JSON (${detail}); fix the syntax` };
  }
  return {
    origin: fileName,
    reason: `a JSON box file must be an array of objects with keys ${REQUIRED_COLUMNS_TEXT}`,
  };
}

/**
 * JSON: an array of objects with the CSV's keys; records carry `name[index]`, errors also the line.
 * Read an element at a time, twice: first to check that the whole file is valid (a file with a syntax
 * error anywhere adds no row), then for the rows, each handed on as it is read.
 */
function parseJsonBoxes(text: string, fileName: string, onBox: OnBox): BoxFileResult {
  const body = text.replace(/^\ufeff/, '');
  const result: BoxFileResult = { boxes: [], errors: [] };
  if (!visitJsonArray(body, () => undefined)) {
    result.errors.push(notAnArray(body, fileName));
    return result;
  }
  const good = onBox ?? ((record: BoxRecord) => result.boxes.push(record));
  visitJsonArray(body, (element, index, line) => {
    const row = jsonRow(element, `${fileName}[${index}]`, line);
    if (isBoxRecord(row)) good(row);
    else result.errors.push(row);
  });
  return result;
}

/**
 * Reads a box file (CSV with a header row, or a JSON array of objects; chosen by the .json extension or a
 * leading '[' / '{'). Good rows become BoxRecords; each bad row becomes an error with its origin and the
 * columns at fault, and the other rows still count. With `onBox`, good rows go there one by one, in file
 * order, and `boxes` comes back empty (a large file is then never held as objects).
 */
export function parseBoxFile(
  text: string,
  fileName: string,
  onBox?: (record: BoxRecord) => void,
): BoxFileResult {
  return looksLikeJson(text, fileName)
    ? parseJsonBoxes(text, fileName, onBox)
    : parseCsvBoxes(text, fileName, onBox);
}
