import { basename } from 'node:path';
import { parseBoxFile } from '../../shared/boxes/parse';
import type { BoxParseError, BoxRecord } from '../../shared/boxes/model';
import { FindingFileError, readFindingText } from '../findings/finding-file';

export type LoadedBoxes =
  { ok: true; boxes: BoxRecord[]; errors: BoxParseError[] } | { ok: false; reason: string };

/** Reads and parses a CSV or JSON box file; bad rows come back as errors with their line, good rows still apply. */
export async function loadBoxes(path: string | undefined): Promise<LoadedBoxes> {
  if (path === undefined) return { ok: true, boxes: [], errors: [] };
  let text: string;
  try {
    text = await readFindingText(path, 'box-table');
  } catch (error) {
    if (error instanceof FindingFileError)
      return { ok: false, reason: `the box file ${path}: ${error.message}; check the --boxes path` };
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, reason: `could not read the box file ${path} (${code}); check the --boxes path` };
  }
  const parsed = parseBoxFile(text, basename(path));
  return { ok: true, boxes: parsed.boxes, errors: parsed.errors };
}
