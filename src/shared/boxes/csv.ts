/** One CSV record and the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, optionally double-quoted; a quoted
 * field may hold commas, doubled quotes ("") and line breaks. Accepts LF, CRLF and CR line ends and a leading
 * byte-order mark. Each record keeps the line it starts on, so errors can point at it.
 *
 * A field is cut out of the text in runs (one slice between special characters), not built a character at
 * a time: a string grown by `+=` per character is a chain of one node per character until flattened,
 * which made a 100,000-row box file take ~160 MB of heap to read.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  forEachCsvRecord(text, (record) => records.push(record));
  return records;
}

/** parseCsv one record at a time: a large file's records are never all held at once. */
export function forEachCsvRecord(text: string, onRecord: (record: CsvRecord) => void): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  /** where the run of ordinary characters not yet added to `field` starts */
  let run = 0;
  const takeRun = (end: number): void => {
    if (end > run) field += source.slice(run, end);
  };
  const endRecord = (): void => {
    fields.push(field);
    onRecord({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        takeRun(i);
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          run = i;
          continue;
        }
        quoted = false;
        run = i + 1;
      } else if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) line += 1;
      i += 1;
      continue;
    }
    if (ch === '"') {
      takeRun(i);
      run = i;
      if (field.trim() === '') {
        quoted = true;
        field = '';
        run = i + 1;
      }
    } else if (ch === ',') {
      takeRun(i);
      fields.push(field);
      field = '';
      run = i + 1;
    } else if (ch === '\r' || ch === '\n') {
      takeRun(i);
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
      run = i + 1;
    }
    i += 1;
  }
  takeRun(i);
  if (field !== '' || fields.length > 0) endRecord();
}
