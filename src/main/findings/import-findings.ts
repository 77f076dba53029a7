import { stat } from 'node:fs/promises';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { basename, resolve } from 'node:path';
import type { BoxParseError, BoxRecord } from '../../shared/boxes/model';
import type { ImageCatalog } from '../../shared/findings/catalog';
import { boxTableImporter } from './box-table';
import type {
  FindingImporter,
  FindingSource,
  ImportContext,
  ImportOptions,
  ImportedFindings,
} from './importer';
import { niftiImporter } from './nifti-mask';
import { dicomSegImporter } from './dicom-seg';
import { boxes3dImporter } from './boxes-3d';
import { cocoImporter } from './coco';
import { yoloImporter } from './yolo';
import { srImporter } from './sr/sr-importer';
import { gspsImporter } from './gsps/gsps-importer';
import { otherDicomImporter } from './dicom-annotations';
import { isNotRegularFile, openRegularFile } from '../dicom/regular-file';
import { notRegular } from './finding-file';

/**
 * Importers in the order they are asked whether they recognise a source: the most specific first, the
 * plain box table last (it takes any text).
 */
export const IMPORTERS: FindingImporter[] = [
  niftiImporter,
  dicomSegImporter,
  srImporter,
  gspsImporter,
  otherDicomImporter,
  yoloImporter,
  cocoImporter,
  boxes3dImporter,
  boxTableImporter,
];

const HEAD_BYTES = 64 * 1024;

/** Opens a --boxes/--masks argument far enough to recognise its format; a reason when it cannot be read. */
export async function findingSource(
  given: string,
  flag: '--boxes' | '--masks',
): Promise<FindingSource | string> {
  const path = resolve(given);
  const what = flag === '--boxes' ? 'box file' : 'mask file';
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, name: basename(path), isDirectory: true, head: new Uint8Array(0) };
    const unread = notRegular(info);
    if (unread !== undefined) return `the ${what} ${given}: ${unread}; check the ${flag} path`;
    const handle = await openRegularFile(path);
    try {
      const head = new Uint8Array(Math.min(HEAD_BYTES, info.size));
      await handle.read(head, 0, head.length, 0);
      return { path, name: basename(path), isDirectory: false, head };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isNotRegularFile(error)) return `the ${what} ${given}: ${error.message}; check the ${flag} path`;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return `could not read the ${what} ${given} (${code}); check the ${flag} path`;
  }
}

/** What every --boxes and --masks source gave, together. */
export interface ImportSummary {
  findings: BoxRecord[];
  problems: BoxParseError[];
  /** sources refused as a whole, one sentence each */
  refusals: string[];
  notes: string[];
  /** the algorithm the first source that names one names */
  algorithm?: Partial<AlgorithmIdentity>;
}

/** A --boxes/--masks argument, or a file the app wrote from the user's choice (`name`: what messages call it). */
export interface GivenSource {
  given: string;
  flag: '--boxes' | '--masks';
  name?: string;
}

/** What one source gave, on its own (the app reports each chosen file separately). */
export interface SourceResult extends Omit<ImportedFindings, 'format'> {
  format?: ImportedFindings['format'];
}

/** Reads one source with the first importer that recognises its content; refusals are sentences. */
export async function importSource(
  { given, flag, name }: GivenSource,
  context: ImportContext,
): Promise<SourceResult> {
  const shown = name ?? given;
  const source = await findingSource(given, flag);
  if (typeof source === 'string') return { findings: [], problems: [], notes: [], refused: source };
  const importer = IMPORTERS.find((i) => i.recognises(source));
  if (!importer) {
    return {
      findings: [],
      problems: [],
      notes: [],
      refused: `${shown}: not a format DICOM Ink reads (box CSV/JSON, 3D boxes, COCO, YOLO folder, NIfTI, DICOM SEG, SR or GSPS)`,
    };
  }
  try {
    return await importer.read(source, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      format: importer.format,
      findings: [],
      problems: [],
      notes: [],
      refused: `${shown}: could not be read as ${importer.format} (${reason})`,
    };
  }
}

/** An import context whose catalogue is built once, on the first importer that asks. */
export function importContext(
  options: ImportOptions,
  catalog: () => Promise<ImageCatalog>,
  onFinding?: (record: BoxRecord) => void,
): ImportContext {
  let cached: Promise<ImageCatalog> | undefined;
  return { options, catalog: () => (cached ??= catalog()), ...(onFinding ? { onFinding } : {}) };
}

/**
 * Reads each source with the first importer that recognises its content. With `onFinding`, every
 * finding goes there instead, in source order (and `findings` comes back empty).
 */
export async function importFindings(
  paths: readonly GivenSource[],
  options: ImportOptions,
  catalog: () => Promise<ImageCatalog>,
  onFinding?: (record: BoxRecord) => void,
): Promise<ImportSummary> {
  const context = importContext(options, catalog, onFinding);
  const summary: ImportSummary = { findings: [], problems: [], refusals: [], notes: [] };
  for (const given of paths) {
    const result = await importSource(given, context);
    if (result.refused !== undefined) summary.refusals.push(result.refused);
    else if (onFinding) for (const finding of result.findings) onFinding(finding);
    // One by one, not push(...list): a spread of 100,000s of entries overflows the call stack.
    else for (const finding of result.findings) summary.findings.push(finding);
    for (const problem of result.problems) summary.problems.push(problem);
    summary.notes.push(...result.notes);
    if (summary.algorithm === undefined && result.algorithm !== undefined)
      summary.algorithm = result.algorithm;
  }
  return summary;
}
