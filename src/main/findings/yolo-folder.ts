/**
 * The files of a YOLO folder, read by the finding-file rule (finding-file.ts): class names from
 * classes.txt or data.yaml, and the .txt label files; anything there that is not a regular file (a FIFO,
 * a device) is never opened and is reported as skipped, and the label files together stay within
 * YOLO_FOLDER_LIMIT.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BoxParseError } from '../../shared/boxes/model';
import { FindingFileError, YOLO_FOLDER_LIMIT, mebibytes, notRegular, readFindingText } from './finding-file';

/** Class names from data.yaml: `names: [a, b]`, `names:` followed by `- a` items or `0: a` entries. */
export function yamlNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^names\s*:/.test(l));
  if (start < 0) return names;
  const clean = (s: string): string => s.trim().replace(/^['"]|['"]$/g, '');
  const inline = /^names\s*:\s*\[(.*)\]\s*$/.exec(lines[start] ?? '');
  if (inline) {
    (inline[1] ?? '').split(',').forEach((n, i) => names.set(i, clean(n)));
    return names;
  }
  let index = 0;
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line) && line.trim() !== '') break;
    const item = /^\s*-\s*(.+)$/.exec(line);
    const entry = /^\s*(\d+)\s*:\s*(.+)$/.exec(line);
    if (item) names.set(index++, clean(item[1] ?? ''));
    else if (entry) names.set(Number(entry[1]), clean(entry[2] ?? ''));
  }
  return names;
}

const CLASS_FILES = ['classes.txt', 'data.yaml', 'data.yml'];

/** Class names from the first class file there; a problem (and no names) when it cannot be read. */
async function classNames(
  folder: string,
  shown: string,
  problems: BoxParseError[],
): Promise<Map<number, string>> {
  const files = await readdir(folder);
  const file = CLASS_FILES.find((f) => files.includes(f));
  if (file === undefined) return new Map();
  try {
    const text = await readFindingText(join(folder, file), 'yolo');
    if (file !== 'classes.txt') return yamlNames(text);
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    return new Map(lines.filter((l) => l !== '').map((name, i) => [i, name]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ origin: `${shown}/${file}`, reason: `${reason}; skipped, classes are named by number` });
    return new Map();
  }
}

function relativeName(folder: string, entry: Dirent): string {
  return relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/');
}

/** The .txt label files (sorted); .txt entries that are not regular files are problems, never opened. */
async function labelFiles(folder: string, shown: string, problems: BoxParseError[]): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const labels: string[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.txt') || entry.name === 'classes.txt' || entry.isDirectory()) continue;
    if (entry.isFile()) labels.push(relativeName(folder, entry));
    else if (!entry.isSymbolicLink())
      problems.push({
        origin: `${shown}/${relativeName(folder, entry)}`,
        reason: `${notRegular(entry) ?? 'it is not a regular file'}; skipped`,
      });
  }
  return labels.sort();
}

export interface YoloFolder {
  names: Map<number, string>;
  labels: string[];
  problems: BoxParseError[];
  /** a label file's text; throws once the folder's label files together pass YOLO_FOLDER_LIMIT */
  read(file: string): Promise<string>;
}

export async function yoloFolder(folder: string, shown: string): Promise<YoloFolder> {
  const problems: BoxParseError[] = [];
  const names = await classNames(folder, shown, problems);
  const labels = await labelFiles(folder, shown, problems);
  let used = 0;
  const read = async (file: string): Promise<string> => {
    const text = await readFindingText(join(folder, file), 'yolo');
    used += Buffer.byteLength(text);
    if (used > YOLO_FOLDER_LIMIT)
      throw new FindingFileError(
        `its label files hold more than the ${mebibytes(YOLO_FOLDER_LIMIT)} a YOLO folder may have together, so it is not read; split it into smaller folders`,
      );
    return text;
  };
  return { names, labels, problems, read };
}
