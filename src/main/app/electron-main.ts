/** Electron entry (bundled to dist/electron-main.cjs): one window on the shared app core. */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { createAppCore } from './app-core';
import { appVersion, preloadFile, rendererDir, sampleDir } from './app-paths';
import { foldersFromArgv } from './electron-args';
import { bindIpc, sendEvent } from './ipc/electron-ipc';
import { createMainWindow, hardenSession, rendererUrl } from './window';

app.enableSandbox();

async function start(): Promise<void> {
  await app.whenReady();
  const renderer = rendererDir();
  hardenSession(renderer);
  const shown: { window?: BrowserWindow } = {};
  const core = createAppCore({
    transport: 'electron',
    version: appVersion(),
    pickFolder: async () => {
      const options = { title: 'Open a folder of DICOM files', properties: ['openDirectory' as const] };
      const chosen = shown.window
        ? await dialog.showOpenDialog(shown.window, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    pickOutputFolder: async (defaultPath) => {
      const options = {
        title: 'Choose the output folder',
        properties: ['openDirectory' as const, 'createDirectory' as const],
        ...(defaultPath === undefined ? {} : { defaultPath }),
      };
      const chosen = shown.window
        ? await dialog.showOpenDialog(shown.window, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    reveal: (folder) => shell.showItemInFolder(folder),
    dataDir: app.getPath('userData'),
  });
  const page = rendererUrl(renderer);
  bindIpc(core.handlers, (url) => url === page || url.startsWith(`${page}?`) || url.startsWith(`${page}#`));
  shown.window = createMainWindow(preloadFile(), renderer);
  const contents = shown.window.webContents;
  core.subscribe((channel, payload) => sendEvent(contents, channel, payload));
  const folders = foldersFromArgv(process.argv);
  for (const folder of folders.length > 0 ? folders : [sampleDir()]) {
    const opened = await core.library.open(folder);
    if (!opened.ok) console.error(opened.error);
  }
  // Flush the sessions before quitting: the last edits of the debounce window must reach the disk.
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void core.shutdown().then((failures) => {
      for (const failure of failures) console.error(failure);
      flushed = true;
      core.dispose();
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

start().catch((error: unknown) => {
  console.error(`DICOM Ink could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
