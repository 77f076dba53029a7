/**
 * The export's output folder comes from the user (typed, or a native picker), so it is not confined to the
 * opened folders; it is still checked: absolute, resolved through symlinks, and never a system folder or a
 * hidden folder of the home folder, where writing would damage the machine or fail confusingly.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import type { IpcResult } from '../../shared/ipc/contract';
import { realPathAllowingMissing } from '../paths/real-path';
import { refusedOutputRoot } from '../paths/output-root';

/** The resolved output folder, or why it is refused, in words that say what to do. */
export async function resolveOutputDir(
  given: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): Promise<IpcResult<string>> {
  const text = given.trim();
  if (!path.isAbsolute(text)) {
    return {
      ok: false,
      error: `The output folder "${text}" is not an absolute path: give the full path, e.g. /home/me/exports.`,
    };
  }
  const resolved = await realPathAllowingMissing(path.resolve(text));
  const refused = refusedOutputRoot(resolved, { platform, env, home });
  if (refused !== undefined) return { ok: false, error: `The output folder ${resolved} ${refused}` };
  return { ok: true, value: resolved };
}
