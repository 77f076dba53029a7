/** Where the app's own files are, whether running from dist/*.cjs or from the TypeScript sources. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding DICOM Ink's package.json, searched upwards from this module. */
export function appRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'dicom-ink'
    ) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function appVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

export const rendererDir = (): string => path.join(appRoot(), 'dist', 'renderer');
export const sampleDir = (): string => path.join(appRoot(), 'assets', 'sample');
export const electronMainFile = (): string => path.join(appRoot(), 'dist', 'electron-main.cjs');
export const preloadFile = (): string => path.join(appRoot(), 'dist', 'preload.cjs');
