/**
 * Folders DICOM Ink never writes into (output roots) and, in browser mode, never opens as a library
 * root: the operating system's own folders, and the dot-folders of the home folder (keys, settings,
 * caches). Writing there could damage the machine; reading them through the app serves no DICOM user.
 */
import path from 'node:path';
import { isInside } from './is-inside';

export interface SystemContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/opt',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/snap',
  '/sys',
  '/usr',
  '/var',
  // macOS
  '/Applications',
  '/Library',
  '/System',
  '/private/etc',
  '/private/var',
];

/** Inside a refused folder, still the user's: temporary folders (macOS keeps its per-user one in /var). */
const POSIX_ALLOWED = ['/var/tmp', '/var/folders', '/private/var/tmp', '/private/var/folders'];

function windowsSystem(env: NodeJS.ProcessEnv, home: string): string[] {
  return [
    env['SystemRoot'] ?? 'C:\\Windows',
    env['ProgramFiles'] ?? 'C:\\Program Files',
    env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
    env['ProgramData'] ?? 'C:\\ProgramData',
    path.win32.join(home, 'AppData'),
  ];
}

/** The home folder's hidden folder `target` lies in (e.g. ~/.ssh), if any. */
function homeDotFolder(target: string, home: string): string | undefined {
  if (home === '' || !isInside(home, target)) return undefined;
  const first = path.relative(home, target).split(path.sep)[0] ?? '';
  return first.startsWith('.') ? path.join(home, first) : undefined;
}

export interface ProtectedFolder {
  folder: string;
  kind: 'system' | 'hidden settings';
}

function systemFolder(target: string, context: SystemContext): string | undefined {
  if (context.platform === 'win32') {
    return windowsSystem(context.env, context.home).find((folder) => isInside(path.resolve(folder), target));
  }
  if (POSIX_ALLOWED.some((folder) => isInside(folder, target))) return undefined;
  return POSIX_SYSTEM.find((folder) => isInside(folder, target));
}

/**
 * The system folder (or home dot-folder) that `target` (an absolute real path) is in, or undefined when
 * it is none of them. The user's own home is theirs even when it is /root.
 */
export function protectedFolderOf(target: string, context: SystemContext): ProtectedFolder | undefined {
  const dot = homeDotFolder(target, context.home);
  if (dot !== undefined) return { folder: dot, kind: 'hidden settings' };
  if (context.home !== '' && isInside(context.home, target)) return undefined;
  const system = systemFolder(target, context);
  return system === undefined ? undefined : { folder: system, kind: 'system' };
}

/** A disk's root (/, C:\): never an output folder or a library. */
export function isDiskRoot(target: string): boolean {
  return path.dirname(target) === target;
}
