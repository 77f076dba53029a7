/**
 * Issue 8, point 6: the Electron main process executed under a stub `electron` module (no binary
 * needed): window options, IPC handlers, CSP, navigation and permission refusals, untrusted frames, and
 * before-quit waiting for the session flush. tests/e2e/electron.spec.ts still drives a real Electron.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract';
import { RENDERER_CSP } from '../../../src/main/app/csp';
import { app, recorded, FakeWebContents } from '../../helpers/electron-stub';

vi.mock('electron', () => import('../../helpers/electron-stub'));

/** The fake core: handlers that record calls, and a shutdown the test resolves when it chooses. */
const core = vi.hoisted(() => {
  let finishShutdown: (failures: string[]) => void = () => undefined;
  return {
    calls: [] as string[],
    disposed: 0,
    shutdownStarted: 0,
    finishShutdown: (failures: string[]) => finishShutdown(failures),
    shutdown: () =>
      new Promise<string[]>((resolve) => {
        finishShutdown = resolve;
      }),
  };
});

vi.mock('../../../src/main/app/app-core', () => ({
  createAppCore: () => ({
    handlers: new Proxy(
      {},
      {
        get: (_target, channel: string) => (request: unknown) => {
          core.calls.push(channel);
          return Promise.resolve(
            channel === 'image:cancel'
              ? { ok: true, value: { cancelled: false } }
              : { ok: false, error: String(request) },
          );
        },
      },
    ),
    library: { open: () => Promise.resolve({ ok: true, value: { libraryId: 'l1' } }) },
    subscribe: () => () => undefined,
    shutdown: () => {
      core.shutdownStarted++;
      return core.shutdown();
    },
    dispose: () => void core.disposed++,
  }),
}));

beforeAll(async () => {
  await import('../../../src/main/app/electron-main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});

function window() {
  const shown = recorded.windows[0];
  if (!shown) throw new Error('no window');
  return shown;
}

describe('Electron main under a stub electron module', () => {
  it('enables the sandbox for every renderer and opens one hardened window on the renderer page', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    const prefs = window().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(String(prefs['preload'])).toMatch(/preload\.cjs$/);
    expect(window().loadedUrls).toHaveLength(1);
    expect(window().loadedUrls[0]).toMatch(/^file:\/\/.*\/index\.html$/);
  });

  it('registers exactly one handler per invoke channel of the contract, and nothing else', () => {
    expect([...recorded.handleCalls].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('adds the CSP header to every response, whatever its URL or headers', () => {
    for (const url of [window().loadedUrls[0] ?? '', 'file:///elsewhere/x.js', 'devtools://devtools/a']) {
      const callback = vi.fn();
      recorded.headersReceived?.({ url, responseHeaders: { 'X-Test': ['1'] } } as never, callback as never);
      expect(callback).toHaveBeenCalledWith({
        responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [RENDERER_CSP] },
      });
    }
  });

  it('loads only the renderer’s own files: remote and other local URLs are cancelled', () => {
    const page = window().loadedUrls[0] ?? '';
    const verdict = (url: string): unknown => {
      const callback = vi.fn();
      recorded.beforeRequest?.({ url } as never, callback as never);
      return callback.mock.calls[0]?.[0];
    };
    expect(verdict(page)).toEqual({ cancel: false });
    expect(verdict('https://example.com/x.js')).toEqual({ cancel: true });
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('denies navigation, redirects, webviews and new windows in every web contents', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://example.com/');
      expect(preventDefault, event).toHaveBeenCalledTimes(1);
    }
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      recorded.permissionRequest?.({} as never, permission as never, callback as never);
      expect(callback).toHaveBeenCalledWith(false);
      expect(recorded.permissionCheck?.({} as never, permission as never)).toBe(false);
    }
  });

  it('refuses IPC from a frame that is not the renderer page, and serves the page itself', async () => {
    const handler = recorded.handlers.get('image:cancel');
    if (!handler) throw new Error('no image:cancel handler');
    const call = (url: string | undefined) =>
      handler(
        { senderFrame: url === undefined ? null : { url }, sender: { id: 1 } } as never,
        {
          requestId: 1,
        } as never,
      ) as Promise<unknown>;
    const before = core.calls.length;
    expect(await call('https://evil.example/')).toEqual({
      ok: false,
      error: 'Refused IPC from https://evil.example/.',
    });
    expect(await call(undefined)).toEqual({ ok: false, error: 'Refused IPC from an unknown frame.' });
    expect(core.calls.length).toBe(before);
    expect(await call(window().loadedUrls[0])).toEqual({ ok: true, value: { cancelled: false } });
    expect(core.calls.slice(before)).toEqual(['image:cancel']);
  });

  it('before-quit waits for the session flush, then quits once', async () => {
    const preventDefault = vi.fn();
    app.emit('before-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    expect(core.shutdownStarted).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recorded.quitCalls).toBe(0);
    core.finishShutdown([]);
    await vi.waitFor(() => expect(recorded.quitCalls).toBe(1));
    expect(core.disposed).toBe(1);
    // The quit that follows the flush goes through.
    const second = vi.fn();
    app.emit('before-quit', { preventDefault: second });
    expect(second).not.toHaveBeenCalled();
  });
});
