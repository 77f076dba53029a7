/**
 * Browser mode has no native folder dialog: whoever holds the token names the folder to open. System
 * folders and hidden settings folders (e.g. ~/.ssh) are therefore refused as library roots there, so a
 * token that leaks does not turn the app into a reader of /etc. (In Electron the user picks folders in
 * the system's own dialog.)
 */
import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { isDiskRoot, protectedFolderOf, type SystemContext } from '../paths/system-folders';

/** Why `folder` may not be opened as a library, or undefined (a missing folder is left to the guard). */
export async function refusedLibraryRoot(
  folder: string,
  context: SystemContext = { platform: process.platform, env: process.env, home: homedir() },
): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(path.resolve(folder));
  } catch {
    return undefined;
  }
  if (isDiskRoot(real)) return `Refused to open ${folder}: it is the root of a disk. Open a study folder.`;
  const inside = protectedFolderOf(real, context);
  if (inside === undefined) return undefined;
  return `Refused to open ${folder}: it is inside the ${inside.kind} folder ${inside.folder}, which browser mode never opens. Open a study folder of your own.`;
}
