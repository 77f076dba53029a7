/**
 * The main window and the process-wide security settings (Electron security checklist,
 * https://www.electronjs.org/docs/latest/tutorial/security): sandboxed, context-isolated renderer without
 * Node, CSP, no navigation, no new windows, no webviews, no permissions, no remote content.
 */
import { app, BrowserWindow, session } from 'electron';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { RENDERER_CSP } from './csp';

/** file:// URL of the renderer page; the only page allowed to use IPC. */
export function rendererUrl(rendererDir: string): string {
  return pathToFileURL(path.join(rendererDir, 'index.html')).href;
}

export function hardenSession(rendererDir: string): void {
  const rendererRoot = pathToFileURL(rendererDir).href;
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content: only the renderer's own files (and devtools) load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(rendererRoot) || details.url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function createMainWindow(preload: string, rendererDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1216',
    title: 'DICOM Ink',
    webPreferences: {
      // Reviewed: src/preload/index.ts only forwards the typed contract's channels. eng-disable PRELOAD_JS_CHECK
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl(rendererDir));
  return window;
}
