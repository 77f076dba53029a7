/**
 * The chosen files -> main's importers (the CLI's, src/main/findings) -> boxes on the folder's open images,
 * matched the way the converter matches them. Pure apart from reading the chosen files' bytes.
 */
import type { BoxParseError } from '../../../shared/boxes/model';
import { importBoxRecords, type BoxStyle, type EditorImage, type NewBox } from '../../../shared/editor';
import type { FileAlgorithm } from '../../../shared/findings/file-algorithms';
import type { FindingFile, FindingsImportAnswer, FindingsImportRequest } from '../../../shared/ipc/findings';

/** What one import gave, for the report and the duplicate question. */
export interface ImportOutcome {
  /** the chosen file names (or the folder's) */
  file: string;
  boxes: NewBox[];
  /** outlines among `boxes` (mask regions) */
  outlines: number;
  problems: BoxParseError[];
  /** imported boxes that reach past their image, clipped to it, with the CLI's sentence */
  clipped: BoxParseError[];
  /** sources refused as a whole, with the CLI's sentence */
  refusals: string[];
  notes: string[];
  /** each source that placed findings, with the algorithm it names (empty when it names none) */
  files: FileAlgorithm[];
}

/** A chosen file's bytes, named by its path inside a chosen folder when there is one. */
export async function readChosen(files: readonly File[], asFolder: boolean): Promise<FindingFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      name: asFolder && file.webkitRelativePath ? file.webkitRelativePath : file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

export function importRequest(
  folder: string,
  files: FindingFile[],
  asFolder: boolean,
): FindingsImportRequest {
  return { folder, kind: asFolder ? 'folder' : 'files', files };
}

/** Main's answer placed on the open images; refused sources add nothing. */
export function outcomeOf(
  answer: FindingsImportAnswer,
  images: readonly EditorImage[],
  style: BoxStyle,
): ImportOutcome {
  const outcome: ImportOutcome = {
    file: answer.sources.map((s) => s.name).join(', '),
    boxes: [],
    outlines: 0,
    problems: [],
    clipped: [],
    refusals: [],
    notes: [],
    files: [],
  };
  for (const source of answer.sources) {
    outcome.notes.push(...source.notes);
    outcome.problems.push(...source.problems);
    if (source.refused !== undefined) {
      outcome.refusals.push(source.refused);
      continue;
    }
    const matched = importBoxRecords(source.findings, images, style);
    if (matched.boxes.length > 0)
      outcome.files.push({ file: source.name, algorithm: source.algorithm ?? {} });
    outcome.boxes.push(...matched.boxes.map((box) => ({ ...box, source: source.name })));
    outcome.problems.push(...matched.unmatched);
    outcome.clipped.push(...matched.clipped);
  }
  outcome.outlines = outcome.boxes.filter((b) => b.region !== undefined).length;
  return outcome;
}

/** "3 boxes", "6 mask outlines", "6 mask outlines and 2 boxes". */
export function countText(boxes: number, outlines: number): string {
  const plain = boxes - outlines;
  const parts: string[] = [];
  if (outlines > 0) parts.push(`${outlines} mask outline${outlines === 1 ? '' : 's'}`);
  if (plain > 0 || outlines === 0) parts.push(`${plain} box${plain === 1 ? '' : 'es'}`);
  return parts.join(' and ');
}
