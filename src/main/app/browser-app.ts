/** Browser mode: the app core behind the loopback bridge, with the given folders opened. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore } from './app-core';
import { appVersion, rendererDir } from './app-paths';
import { startBridge, type Bridge } from './bridge/bridge-server';
import { defaultDataDir } from '../session';

export interface BrowserApp {
  bridge: Bridge;
  core: AppCore;
  /** folders that could not be opened, with the reason */
  failures: string[];
  close(): Promise<void>;
}

export interface BrowserAppOptions {
  folders: readonly string[];
  port?: number;
  token?: string;
  /** session files (default: the platform's data directory, e.g. $XDG_DATA_HOME/dicom-ink) */
  dataDir?: string;
}

export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  const staticRoot = rendererDir();
  if (!existsSync(path.join(staticRoot, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticRoot} has no index.html): run npm run build first.`);
  }
  const core = createAppCore({
    transport: 'browser',
    version: appVersion(),
    dataDir: options.dataDir ?? defaultDataDir(process.env, homedir(), process.platform),
  });
  const bridge = await startBridge({
    handlers: core.handlers,
    subscribe: core.subscribe,
    staticRoot,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const failures: string[] = [];
  for (const folder of options.folders) {
    const opened = await core.library.open(folder);
    if (!opened.ok) failures.push(opened.error);
  }
  return {
    bridge,
    core,
    failures,
    close: async () => {
      // Sessions first: the last edits of the debounce window must reach the disk before we exit.
      for (const failure of await core.shutdown()) console.error(failure);
      core.dispose();
      await bridge.close();
    },
  };
}
