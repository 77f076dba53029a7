/**
 * Box files in the CLI's formats: import (parsed in the renderer with the CLI's parser, matched like the
 * converter matches) with the rows that could not be used listed, and export of the folder's boxes.
 */
import { useState } from 'react';
import { parseBoxFile } from '../../../shared/boxes/parse';
import { boxesToCsv, boxesToJson } from '../../../shared/boxes/serialize';
import type { BoxParseError } from '../../../shared/boxes/model';
import {
  duplicatesOf,
  exportableBoxes,
  importBoxRecords,
  type BoxStyle,
  type EditableBox,
  type EditorImage,
  type NewBox,
} from '../../../shared/editor';

interface Props {
  boxes: readonly EditableBox[];
  images: readonly EditorImage[];
  style: BoxStyle;
  /** `replace`: ids of boxes already there that the import takes the place of */
  onImport(boxes: NewBox[], replace?: string[]): void;
}

/** An import that would add boxes already there (the same file imported twice), waiting for the choice. */
interface Pending {
  file: string;
  boxes: NewBox[];
  duplicates: string[];
  problems: BoxParseError[];
}

interface Report {
  file: string;
  imported: number;
  /** boxes already there that the import replaced */
  replaced: number;
  problems: BoxParseError[];
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BoxFiles({ boxes, images, style, onImport }: Props) {
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const finish = (file: string, added: NewBox[], problems: BoxParseError[], replace?: string[]): void => {
    onImport(added, replace);
    setPending(undefined);
    setReport({ file, imported: added.length, replaced: replace?.length ?? 0, problems });
  };
  const read = async (file: File): Promise<void> => {
    const parsed = parseBoxFile(await file.text(), file.name);
    const matched = importBoxRecords(parsed.boxes, images, style);
    const problems = [...parsed.errors, ...matched.unmatched];
    const duplicates = duplicatesOf(boxes, matched.boxes);
    setReport(undefined);
    if (duplicates.length > 0) setPending({ file: file.name, boxes: matched.boxes, duplicates, problems });
    else finish(file.name, matched.boxes, problems);
  };
  const rows = () => exportableBoxes(boxes, images);
  return (
    <section className="box-files" aria-label="Box files">
      <label className="file-button">
        <span>Import boxes…</span>
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-label="Import boxes (CSV or JSON)"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void read(file);
          }}
        />
      </label>
      <button
        type="button"
        disabled={boxes.length === 0}
        onClick={() => download('boxes.csv', boxesToCsv(rows()), 'text/csv')}
      >
        Save CSV
      </button>
      <button
        type="button"
        disabled={boxes.length === 0}
        onClick={() => download('boxes.json', boxesToJson(rows()), 'application/json')}
      >
        Save JSON
      </button>
      {pending ? (
        <div className="import-question" role="alertdialog" aria-label="Boxes already imported">
          <p>
            {pending.duplicates.length} of the {pending.boxes.length} boxes in {pending.file}{' '}
            {pending.duplicates.length === 1 ? 'is' : 'are'} already here (same image, pixels, label and
            score): was this file imported before?
          </p>
          <div className="button-group">
            <button
              type="button"
              className="primary"
              onClick={() => finish(pending.file, pending.boxes, pending.problems, pending.duplicates)}
            >
              Replace them
            </button>
            <button type="button" onClick={() => finish(pending.file, pending.boxes, pending.problems)}>
              Add them again
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel import
            </button>
          </div>
        </div>
      ) : null}
      {report ? (
        <div className="import-report" role="status">
          <p>
            Imported {report.imported} box{report.imported === 1 ? '' : 'es'} from {report.file}
            {report.replaced > 0 ? ` (replacing ${report.replaced} already there)` : ''}
            {report.problems.length > 0 ? `; ${report.problems.length} row(s) not used:` : '.'}
          </p>
          {report.problems.length > 0 ? (
            <ul aria-label="Rows not imported">
              {report.problems.slice(0, 50).map((problem) => (
                <li key={problem.origin}>
                  <code>{problem.origin}</code> {problem.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
