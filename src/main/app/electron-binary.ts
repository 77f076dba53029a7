/**
 * Finding the Electron binary without side effects. The electron package's own entry downloads the binary
 * when it is missing (and prints a stack trace when that fails), so the app looks for it first and
 * downloads only on request, with the installer's output captured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

function defaultExecutable(): string {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function packageDir(): string | undefined {
  try {
    return path.dirname(createRequire(__filename).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The binary named by ELECTRON_OVERRIDE_DIST_PATH or installed in node_modules/electron/dist, if it exists. */
export function locateElectron(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const dir = packageDir();
  const pathFile = dir === undefined ? undefined : path.join(dir, 'path.txt');
  const executable =
    pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultExecutable();
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? path.join(override, executable)
    : dir === undefined
      ? undefined
      : path.join(dir, 'dist', executable);
  if (candidate === undefined) return { ok: false, reason: 'the electron package is not installed' };
  return existsSync(candidate)
    ? { ok: true, path: candidate }
    : { ok: false, reason: `no Electron binary at ${candidate}` };
}

/** Runs the electron package's installer (a download); the first line of its error when it fails. */
export function downloadElectron(timeoutMs = 120_000): { ok: true } | { ok: false; reason: string } {
  const dir = packageDir();
  if (dir === undefined) return { ok: false, reason: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (result.status === 0) return { ok: true };
  const firstLine = `${result.stderr}\n${result.stdout}`.split('\n').find((line) => line.trim() !== '');
  return {
    ok: false,
    reason: `the download failed: ${firstLine?.trim() ?? result.error?.message ?? 'no output'}`,
  };
}
