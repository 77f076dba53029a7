import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/**
 * Where DICOM Ink keeps its data outside Electron (browser mode, CLI). Electron passes
 * `app.getPath('userData')` instead. Linux follows the XDG Base Directory specification
 * ($XDG_DATA_HOME, default ~/.local/share; a relative value is invalid and ignored).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, home: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'dicom-ink');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'dicom-ink');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'dicom-ink');
}

export type SessionPath = { ok: true; file: string; folder: string } | { ok: false; reason: string };

/**
 * The session file of a folder: `<dataDir>/sessions/<sha256 of the folder's real path>.json`. The real
 * path makes `./study`, `/data/study/` and a symlink to it share one session.
 */
export async function sessionPathFor(dataDir: string, folder: string): Promise<SessionPath> {
  let real: string;
  try {
    real = await realpath(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      ok: false,
      reason: `cannot keep a session for ${folder}: the folder cannot be opened (${code})`,
    };
  }
  const key = createHash('sha256').update(real).digest('hex');
  return { ok: true, file: join(dataDir, 'sessions', `${key}.json`), folder: real };
}
