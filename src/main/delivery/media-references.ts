import type { DataSet } from 'dicom-parser';
import { stringValue } from '../dicom/dataset-values';
import { openFileBytes } from '../dicom/file-bytes';
import { scanFolder } from '../dicom/scan-folder';
import { recordTypeOf } from './dicomdir/record-keys';
import { readHeaderBounded } from './instance-file';

/** Referenced SOP Instance UID (PS3.3 C.12.1 and every reference macro). */
const REFERENCED_SOP_INSTANCE = 'x00081155';

/** One file as media see it: its SOP Instance UID and, for a presentation state, SR or KOS, what it refers to. */
interface ScannedFile {
  path: string;
  sopInstanceUid: string;
  /** Referenced SOP Instance UIDs anywhere in it (twins only; images' source references are not followed) */
  references: string[];
}

function referencesIn(ds: DataSet, into: Set<string>): void {
  for (const [tag, element] of Object.entries(ds.elements)) {
    if (tag === REFERENCED_SOP_INSTANCE) {
      const uid = stringValue(ds, '00081155')?.replace(/\0/g, '');
      if (uid) into.add(uid);
    }
    for (const item of element.items ?? []) if (item.dataSet) referencesIn(item.dataSet, into);
  }
}

/** A file's SOP Instance UID and its references; undefined when it is not DICOM or cannot be read. */
function scanFile(path: string): ScannedFile | undefined {
  let parsed;
  try {
    const file = openFileBytes(path);
    try {
      parsed = readHeaderBounded(file);
    } finally {
      file.close();
    }
  } catch {
    return undefined;
  }
  if (!('dataSet' in parsed)) return undefined;
  const ds = parsed.dataSet;
  const sopInstanceUid = stringValue(ds, '00080018')?.replace(/\0/g, '');
  const sopClassUid = stringValue(ds, '00080016')?.replace(/\0/g, '') ?? '';
  if (!sopInstanceUid) return undefined;
  const references = new Set<string>();
  if (recordTypeOf(sopClassUid) !== 'IMAGE') referencesIn(ds, references);
  return { path, sopInstanceUid, references: [...references] };
}

/** Presentation states, reports and key objects among `files` with the instances they refer to that `files` lack. */
export function unresolvedReferences(files: readonly string[]): Map<string, string[]> {
  const scanned = files.map(scanFile).filter((f): f is ScannedFile => f !== undefined);
  const present = new Set(scanned.map((f) => f.sopInstanceUid));
  const missing = new Map<string, string[]>();
  for (const file of scanned) {
    const lacking = file.references.filter((uid) => !present.has(uid));
    if (lacking.length > 0) missing.set(file.path, lacking);
  }
  return missing;
}

/** The files under `folder` holding any of `uids` (each UID once), found by their headers. */
export async function findInstances(folder: string, uids: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for await (const path of scanFolder(folder)) {
    const file = scanFile(path);
    if (file && uids.has(file.sopInstanceUid) && !found.has(file.sopInstanceUid))
      found.set(file.sopInstanceUid, path);
  }
  return found;
}
