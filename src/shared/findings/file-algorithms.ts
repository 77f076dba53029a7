/**
 * The algorithm of each findings file the app imported (read from the file: a COCO file's info, a SEG's
 * Segment Algorithm Name, a NIfTI mask's JSON sidecar; set or edited by the user), and the one identity an
 * export names from them. Pure data and functions, shared by the viewer's notice and the Export dialog.
 */
import type { AlgorithmIdentity } from './algorithm-identity';
import { describeAlgorithm, identityOf, mergeAlgorithm } from './algorithm-identity';

/** LO (PS3.5 6.2): Manufacturer, Manufacturer's Model Name and Software Versions hold 64 characters. */
export const MAX_ALGORITHM_FIELD = 64;

/** What a DICOM LO value cannot hold: a backslash (the value separator) or a control character. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const NOT_IN_LO = /[\\\u0000-\u001f\u007f]/;

/** True when the text holds a character an LO value cannot. */
export function hasNonLoCharacter(text: string): boolean {
  return NOT_IN_LO.test(text);
}

/** The text with each character an LO value cannot hold replaced by `by`. */
export function replaceNonLoCharacters(text: string, by: string): string {
  return text.replace(new RegExp(NOT_IN_LO.source, 'g'), by);
}

/** One imported findings file and the algorithm it names (each field may be missing). */
export interface FileAlgorithm {
  /** the file's name as imported (a folder's name for a YOLO folder) */
  file: string;
  algorithm: Partial<AlgorithmIdentity>;
}

export type ExportAlgorithm =
  { ok: true; algorithm?: AlgorithmIdentity } | { ok: false; reason: string; files: string[] };

function sameIdentity(a: AlgorithmIdentity, b: AlgorithmIdentity): boolean {
  return a.name === b.name && a.version === b.version && a.manufacturer === b.manufacturer;
}

/**
 * The algorithm an export names: the one identity the files name (a file without a name names none).
 * Files naming different algorithms cannot share one Contributing Equipment item, so that is a reason
 * naming them, never a silent pick.
 */
export function exportAlgorithm(files: readonly FileAlgorithm[]): ExportAlgorithm {
  const named: { file: string; identity: AlgorithmIdentity }[] = [];
  for (const entry of files) {
    const identity = mergeAlgorithm({}, entry.algorithm);
    if (identity !== undefined) named.push({ file: entry.file, identity });
  }
  const first = named[0];
  if (first === undefined) return { ok: true };
  const other = named.find((n) => !sameIdentity(n.identity, first.identity));
  if (other === undefined) return { ok: true, algorithm: first.identity };
  const list = named.map((n) => `${n.file}: ${describeAlgorithm(n.identity)}`).join(', ');
  return {
    ok: false,
    files: named.map((n) => n.file),
    reason: `The findings files name different algorithms (${list}); one export names one algorithm. Give them the same algorithm (click each file in the Boxes panel), or export them separately.`,
  };
}

/**
 * The files that still have a finding among `boxes` (by each box's `source`): a file whose boxes were all
 * deleted, or boxes the reader drew, name no algorithm, so an export of the reader's own boxes is never
 * labelled as an algorithm's.
 */
export function filesWithFindings(
  files: readonly FileAlgorithm[],
  boxes: readonly { source?: string }[],
): FileAlgorithm[] {
  const sources = new Set(boxes.map((box) => box.source));
  return files.filter((file) => sources.has(file.file));
}

/** The list after an import: the file's entry replaced (imported again) or added, in import order. */
export function withFileAlgorithm(files: readonly FileAlgorithm[], entry: FileAlgorithm): FileAlgorithm[] {
  const index = files.findIndex((f) => f.file === entry.file);
  if (index < 0) return [...files, entry];
  return files.map((f, i) => (i === index ? entry : f));
}

/**
 * An identity read from a file made fit for a DICOM LO value and the app's form: backslashes and control
 * characters become spaces, each field is cut to 64 characters, empty fields are dropped.
 */
export function fitAlgorithm(algorithm: Partial<AlgorithmIdentity>): Partial<AlgorithmIdentity> {
  const fit = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const clean = replaceNonLoCharacters(text, ' ').trim().slice(0, MAX_ALGORITHM_FIELD).trim();
    return clean === '' ? undefined : clean;
  };
  return identityOf(fit(algorithm.name), fit(algorithm.version), fit(algorithm.manufacturer));
}
