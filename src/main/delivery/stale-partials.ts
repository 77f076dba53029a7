import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary a media target writes beside `finalPath` (`.NAME.partial-PID`), renamed into place when done. */
export function partialPath(finalPath: string, pid: number = process.pid): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.partial-${pid}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries an earlier run left beside `finalPath` when it was killed (kill -9, a power
 * cut): `.NAME.partial-PID` whose process no longer runs. One of a run still going is left alone.
 * Returns the names removed.
 */
export async function removeStalePartials(finalPath: string): Promise<string[]> {
  const prefix = `.${basename(finalPath)}.partial-`;
  const names = await readdir(dirname(finalPath)).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await rm(join(dirname(finalPath), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
