import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** The prefix of a file's temporaries: a crash can leave one behind; readers ignore and may delete them. */
export function tempPrefix(path: string): string {
  return `${basename(path)}.tmp-`;
}

/**
 * Replaces `path` with `text` so that a reader (or the next start after a crash) sees the old content or
 * the new one, never a mixture: write a temporary beside it, fsync it, rename it over the target (atomic
 * within one file system on POSIX and on NTFS), then fsync the directory so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${dirname(path)}/${tempPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Windows cannot open a directory for fsync; there the rename is already journalled by NTFS. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
