/**
 * `dicom-ink app`: the desktop app in Electron, or the same app in a browser (--browser, or when Electron
 * cannot start). The CLI calls runApp; nothing here parses argv.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { electronMainFile, sampleDir } from './app-paths';
import { startBrowserApp } from './browser-app';
import { downloadElectron, locateElectron, type ElectronBinary } from './electron-binary';
import { OPEN_FOLDER_ARG } from './electron-args';
import { openInBrowser } from './open-browser';
import { stopOnSignal } from './stop-signals';

export interface RunAppOptions {
  folders: string[];
  browser: boolean;
  port?: number;
  open: boolean;
}

async function runBrowser(folders: string[], options: RunAppOptions): Promise<void> {
  const app = await startBrowserApp({
    folders,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  for (const failure of app.failures) console.error(failure);
  console.log(`DICOM Ink is running at ${app.bridge.url}`);
  console.log('Press Ctrl+C to stop.');
  if (options.open) openInBrowser(app.bridge.url);
  // Runs until Ctrl-C or SIGTERM; the process then ends by that signal (see stopOnSignal).
  await new Promise<never>(() => stopOnSignal(() => app.close()));
}

/** Starts Electron; resolves false when it could not start (missing binary, missing libraries). */
function runElectron(binary: string, folders: string[]): Promise<boolean> {
  const args = [electronMainFile(), ...folders.map((folder) => `${OPEN_FOLDER_ARG}${folder}`)];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(binary, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      console.log(`Electron could not start (${error.message}); starting browser mode instead.`);
      resolve(false);
    });
    child.on('exit', (code) => {
      // A crash in the first seconds is a start failure (e.g. missing system libraries, no display).
      if (code !== 0 && Date.now() - started < 5000) {
        const first = stderr.trim().split('\n')[0] ?? `exit code ${code}`;
        console.log(`Electron could not start (${first}); starting browser mode instead.`);
        resolve(false);
      } else resolve(true);
    });
  });
}

function findOrDownloadElectron(): ElectronBinary {
  const found = locateElectron();
  if (found.ok) return found;
  const downloaded = downloadElectron();
  if (!downloaded.ok) return { ok: false, reason: `${found.reason}, and ${downloaded.reason}` };
  return locateElectron();
}

export async function runApp(options: RunAppOptions): Promise<void> {
  const folders = (options.folders.length > 0 ? options.folders : [sampleDir()]).map((f) => path.resolve(f));
  if (!options.browser) {
    const electron = findOrDownloadElectron();
    if (electron.ok && (await runElectron(electron.path, folders))) return;
    if (!electron.ok)
      console.log(`Electron is not available (${electron.reason}); starting browser mode instead.`);
  }
  await runBrowser(folders, options);
}
