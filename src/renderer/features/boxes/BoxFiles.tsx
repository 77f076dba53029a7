/**
 * Finding files: boxes of every format the CLI reads (box CSV/JSON, COCO, 3D boxes, a YOLO folder) and
 * masks (NIfTI, DICOM SEG), each read in main by the CLI's own importer and placed on the folder's open
 * images, with what could not be used listed; and export of the folder's boxes as CSV/JSON.
 */
import { useState } from 'react';
import { boxesToCsv, boxesToJson } from '../../../shared/boxes/serialize';
import {
  duplicatesOf,
  exportableBoxes,
  type BoxStyle,
  type EditableBox,
  type EditorImage,
  type NewBox,
} from '../../../shared/editor';
import { getApi } from '../../lib/api';
import type { BoxParseError } from '../../../shared/boxes/model';
import type { FileAlgorithm } from '../../../shared/findings/file-algorithms';
import { countText, importRequest, outcomeOf, readChosen, type ImportOutcome } from './finding-import';

interface Props {
  /** the opened folder whose images the findings go on */
  folder: string;
  boxes: readonly EditableBox[];
  images: readonly EditorImage[];
  style: BoxStyle;
  /** `replace`: ids of boxes already there that the import takes the place of */
  onImport(boxes: NewBox[], replace?: string[]): void;
  /** the files the import placed findings from, each with the algorithm it names */
  onFiles(files: FileAlgorithm[]): void;
}

/** An import that would add boxes already there (the same file imported twice), waiting for the choice. */
interface Pending {
  outcome: ImportOutcome;
  duplicates: string[];
}

interface Report {
  outcome: ImportOutcome;
  /** boxes already there that the import replaced */
  replaced: number;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `webkitdirectory` (a folder chooser) is not in React's input attributes. */
const folderChooser = { webkitdirectory: '' } as Record<string, string>;

export function BoxFiles({ folder, boxes, images, style, onImport, onFiles }: Props) {
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const finish = (outcome: ImportOutcome, replace?: string[]): void => {
    if (outcome.boxes.length > 0) onImport(outcome.boxes, replace);
    if (outcome.files.length > 0) onFiles(outcome.files);
    setPending(undefined);
    setReport({ outcome, replaced: replace?.length ?? 0 });
  };
  const read = async (chosen: File[], asFolder: boolean): Promise<void> => {
    if (chosen.length === 0) return;
    setReport(undefined);
    setFailure(undefined);
    setBusy(asFolder ? 'the folder' : chosen.map((f) => f.name).join(', '));
    try {
      const files = await readChosen(chosen, asFolder);
      const answer = await getApi().invoke('findings:import', importRequest(folder, files, asFolder));
      if (!answer.ok) {
        setFailure(answer.error);
        return;
      }
      const outcome = outcomeOf(answer.value, images, style);
      const duplicates = duplicatesOf(boxes, outcome.boxes);
      if (duplicates.length > 0) setPending({ outcome, duplicates });
      else finish(outcome);
    } finally {
      setBusy(undefined);
    }
  };
  const chooser = (label: string, title: string, accept: string | undefined, asFolder: boolean) => (
    <label className="file-button" title={title}>
      <span>{label}</span>
      <input
        type="file"
        multiple
        {...(accept === undefined ? {} : { accept })}
        {...(asFolder ? folderChooser : {})}
        aria-label={title}
        disabled={busy !== undefined}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void read(files, asFolder);
        }}
      />
    </label>
  );
  const rows = () => exportableBoxes(boxes, images);
  const outcome = report?.outcome;
  return (
    <section className="box-files" aria-label="Box files">
      {chooser(
        'Import boxes…',
        'Import boxes (CSV or JSON): box tables, COCO, 3D boxes, DICOM SR or GSPS',
        '.csv,.json,.tsv,.txt,.dcm,text/csv,application/json,application/dicom',
        false,
      )}
      {chooser('Import YOLO folder…', 'Import a YOLO folder of label files', undefined, true)}
      {chooser(
        'Import masks…',
        'Import masks (NIfTI .nii/.nii.gz or DICOM SEG, with a label .json/.csv beside it)',
        '.nii,.gz,.dcm,.json,.csv,application/dicom,application/gzip',
        false,
      )}
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
      {busy !== undefined ? (
        <p className="import-report" role="status">
          Reading {busy}…
        </p>
      ) : null}
      {failure !== undefined ? (
        <p className="import-report import-refused" role="alert">
          {failure}
        </p>
      ) : null}
      {pending ? (
        <div className="import-question" role="alertdialog" aria-label="Boxes already imported">
          <p>
            {pending.duplicates.length} of the {pending.outcome.boxes.length} boxes in {pending.outcome.file}{' '}
            {pending.duplicates.length === 1 ? 'is' : 'are'} already here (same image, pixels, label and
            score): was this file imported before?
          </p>
          <div className="button-group">
            <button
              type="button"
              className="primary"
              onClick={() => finish(pending.outcome, pending.duplicates)}
            >
              Replace them
            </button>
            <button type="button" onClick={() => finish(pending.outcome)}>
              Add them again
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel import
            </button>
          </div>
        </div>
      ) : null}
      {outcome ? (
        <div className="import-report" role="status">
          {outcome.refusals.map((refusal) => (
            <p key={refusal} className="import-refused" role="alert">
              Not imported: {refusal}
            </p>
          ))}
          {outcome.boxes.length > 0 || outcome.refusals.length === 0 ? (
            <p>
              Imported {countText(outcome.boxes.length, outcome.outlines)} from {outcome.file}
              {report.replaced > 0 ? ` (replacing ${report.replaced} already there)` : ''}
              {outcome.problems.length > 0 ? `; ${outcome.problems.length} row(s) not used:` : '.'}
            </p>
          ) : null}
          {outcome.notes.map((note) => (
            <p key={note} className="box-note">
              {note}
            </p>
          ))}
          {outcome.problems.length > 0 ? (
            <ul aria-label="Rows not imported">
              {outcome.problems.slice(0, 50).map((problem) => (
                <li key={problem.origin}>
                  <code>{problem.origin}</code> {problem.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {outcome.clipped.length > 0 ? <ClippedList clipped={outcome.clipped} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** Imported boxes that reach past their image: clipped to it, and marked on the box. */
function ClippedList({ clipped }: { clipped: readonly BoxParseError[] }) {
  const one = clipped.length === 1;
  return (
    <>
      <p>
        {clipped.length} imported {one ? 'box reaches' : 'boxes reach'} past the image and{' '}
        {one ? 'is' : 'are'} clipped to it (marked in the list):
      </p>
      <ul aria-label="Boxes clipped to the image">
        {clipped.slice(0, 50).map((clip) => (
          <li key={clip.origin}>
            <code>{clip.origin}</code> {clip.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
