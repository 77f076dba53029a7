/**
 * The export's output folder comes from the user (typed, or a native picker), so it is not confined to the
 * opened folders; it is still checked: absolute, resolved through symlinks, and never a system folder
 * where writing would damage the machine or fail confusingly.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { IpcResult } from '../../shared/ipc/contract';
import { isInside } from './path-guard';

const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/System',
];

function systemFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'win32') return POSIX_SYSTEM;
  const root = env['SystemRoot'] ?? 'C:\\Windows';
  return [
    root,
    env['ProgramFiles'] ?? 'C:\\Program Files',
    env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
  ];
}

/** The real path of the deepest existing ancestor, with the missing rest appended (the folder may not exist yet). */
async function realPathAllowingMissing(target: string): Promise<string> {
  const missing: string[] = [];
  let current = target;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/** The resolved output folder, or why it is refused, in words that say what to do. */
export async function resolveOutputDir(
  given: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IpcResult<string>> {
  const text = given.trim();
  if (!path.isAbsolute(text)) {
    return {
      ok: false,
      error: `The output folder "${text}" is not an absolute path: give the full path, e.g. /home/me/exports.`,
    };
  }
  const resolved = await realPathAllowingMissing(path.resolve(text));
  if (path.dirname(resolved) === resolved) {
    return {
      ok: false,
      error: `The output folder cannot be the root of a disk (${resolved}): choose a folder.`,
    };
  }
  const system = systemFolders(platform, env).find((folder) => isInside(path.resolve(folder), resolved));
  if (system !== undefined) {
    return {
      ok: false,
      error: `The output folder ${resolved} is inside the system folder ${system}: choose a folder of your own.`,
    };
  }
  return { ok: true, value: resolved };
}
