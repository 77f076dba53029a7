/**
 * A test double of the `electron` module: records what main and the preload ask of Electron so unit
 * tests can run electron-main.ts, window.ts, electron-ipc.ts and the preload without an Electron
 * binary. Use with `vi.mock('electron', () => import('../../helpers/electron-stub'))`.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

/** Everything recorded, for assertions. */
export const recorded = {
  sandboxEnabled: false,
  quitCalls: 0,
  exitCodes: [] as number[],
  windows: [] as FakeBrowserWindow[],
  handlers: new Map<string, Listener>(),
  handleCalls: [] as string[],
  permissionRequest: undefined as Listener | undefined,
  permissionCheck: undefined as Listener | undefined,
  beforeRequest: undefined as Listener | undefined,
  headersReceived: undefined as Listener | undefined,
  exposed: new Map<string, unknown>(),
  rendererInvokes: [] as [string, unknown][],
  rendererListeners: new Map<string, Listener[]>(),
};

class FakeApp extends EventEmitter {
  enableSandbox(): void {
    recorded.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    return `/tmp/dicom-ink-electron-stub/${name}`;
  }
  quit(): void {
    recorded.quitCalls++;
  }
  exit(code: number): void {
    recorded.exitCodes.push(code);
  }
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  readonly id = 1;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: Listener | undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {}
}
export { FakeBrowserWindow as BrowserWindow, FakeWebContents };

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => void (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: Listener) => void (recorded.permissionCheck = handler),
    webRequest: {
      onBeforeRequest: (handler: Listener) => void (recorded.beforeRequest = handler),
      onHeadersReceived: (handler: Listener) => void (recorded.headersReceived = handler),
    },
  },
};

export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    if (recorded.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.handleCalls.push(channel);
    recorded.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    recorded.handlers.delete(channel);
  },
};

export const dialog = {
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
};
export const shell = { showItemInFolder: () => undefined };

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    recorded.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoke(channel: string, request: unknown): Promise<unknown> {
    recorded.rendererInvokes.push([channel, request]);
    return Promise.resolve({ ok: true, value: null });
  },
  on(channel: string, listener: Listener): void {
    recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: Listener): void {
    recorded.rendererListeners.set(
      channel,
      (recorded.rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
    );
  },
};

export const webUtils = { getPathForFile: () => '/picked/file.dcm' };

export default {
  app,
  BrowserWindow: FakeBrowserWindow,
  session,
  ipcMain,
  dialog,
  shell,
  contextBridge,
  ipcRenderer,
  webUtils,
};
