import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseReviewerName } from '../../shared/review/review-state';
import { configDir } from '../delivery/config-dir';
import type { Parsed } from '../delivery/destination';
import { writeFileAtomic } from '../session/atomic-write';

/**
 * The app-wide reviewer (DICOM PN, e.g. DOE^JANE), named once in Settings for every folder: `reviewer.json`
 * in the user's config folder, next to destinations.json.
 */
const fileSchema = z.object({ reviewer: z.string().optional() });

export function reviewerFile(dir: string = configDir()): string {
  return join(dir, 'reviewer.json');
}

/** The saved reviewer; undefined when none was named yet. A corrupt file is an error. */
export async function loadReviewer(file: string = reviewerFile()): Promise<Parsed<string | undefined>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: undefined };
    return { ok: false, reason: `cannot read ${file} (${(error as Error).message})` };
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { ok: false, reason: `${file} is not a reviewer file; fix or remove it` };
    const name = parsed.data.reviewer === undefined ? undefined : parseReviewerName(parsed.data.reviewer);
    if (name !== undefined && !name.ok) return { ok: false, reason: `${file}: ${name.reason}` };
    return { ok: true, value: name?.name };
  } catch (error) {
    return { ok: false, reason: `${file} is not valid JSON (${(error as Error).message}); fix or remove it` };
  }
}

/** Saves the reviewer after checking it is a DICOM person name; answers the name as saved. */
export async function saveReviewer(text: string, file: string = reviewerFile()): Promise<Parsed<string>> {
  const name = parseReviewerName(text);
  if (!name.ok) return { ok: false, reason: name.reason };
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify({ reviewer: name.name }, null, 2)}\n`);
  return { ok: true, value: name.name };
}
