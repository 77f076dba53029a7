import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The user's configuration folder for DICOM Ink (named destinations live here). `DICOM_INK_CONFIG_DIR`
 * overrides it (tests, portable installs); Linux follows the XDG Base Directory specification
 * ($XDG_CONFIG_HOME, default ~/.config; a relative value is invalid and ignored).
 */
export function configDir(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env.DICOM_INK_CONFIG_DIR;
  if (override !== undefined && isAbsolute(override)) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'dicom-ink');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'dicom-ink');
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config'), 'dicom-ink');
}
