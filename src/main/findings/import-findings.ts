import { open, stat } from 'node:fs/promises';
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
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { path, name: basename(path), isDirectory: true, head: new Uint8Array(0) };
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(Math.min(HEAD_BYTES, info.size));
      await handle.read(head, 0, head.length, 0);
      return { path, name: basename(path), isDirectory: false, head };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const what = flag === '--boxes' ? 'box file' : 'mask file';
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
}

/** Reads each source with the first importer that recognises its content. */
export async function importFindings(
  paths: readonly { given: string; flag: '--boxes' | '--masks' }[],
  options: ImportOptions,
  catalog: () => Promise<ImageCatalog>,
): Promise<ImportSummary> {
  let cached: Promise<ImageCatalog> | undefined;
  const context: ImportContext = { options, catalog: () => (cached ??= catalog()) };
  const summary: ImportSummary = { findings: [], problems: [], refusals: [], notes: [] };
  for (const { given, flag } of paths) {
    const source = await findingSource(given, flag);
    if (typeof source === 'string') {
      summary.refusals.push(source);
      continue;
    }
    const importer = IMPORTERS.find((i) => i.recognises(source));
    let result: ImportedFindings;
    if (!importer) {
      summary.refusals.push(
        `${given}: not a format DICOM Ink reads (box CSV/JSON, 3D boxes, COCO, YOLO folder, NIfTI, DICOM SEG, SR or GSPS)`,
      );
      continue;
    }
    try {
      result = await importer.read(source, context);
    } catch (error) {
      summary.refusals.push(
        `${given}: could not be read as ${importer.format} (${error instanceof Error ? error.message : String(error)})`,
      );
      continue;
    }
    if (result.refused !== undefined) summary.refusals.push(result.refused);
    else summary.findings.push(...result.findings);
    summary.problems.push(...result.problems);
    summary.notes.push(...result.notes);
  }
  return summary;
}
