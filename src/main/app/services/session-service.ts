/**
 * Sessions of the opened folders over IPC: a folder must be one the user opened (the path guard), its
 * store comes from the registry (one debounced, atomic session file per folder), and flushAll() runs on
 * app close so nothing typed in the last debounce window is lost.
 */
import type { IpcResult } from '../../../shared/ipc/contract';
import type { LoadedSession, SessionPayload, SessionSettingsData } from '../../../shared/ipc/session';
import type { SessionRegistry, SessionSettings } from '../../session';
import type { PathGuard } from '../path-guard';

// Compile-time proof that the IPC settings and the session file's settings are the same shape.
const _sameSettings: (v: SessionSettings) => SessionSettingsData = (v) => v;
const _sameSettingsBack: (v: SessionSettingsData) => SessionSettings = (v) => v;
void _sameSettings;
void _sameSettingsBack;

export interface SessionService {
  load(folder: string): Promise<IpcResult<LoadedSession>>;
  save(folder: string, payload: SessionPayload): Promise<IpcResult<{ scheduled: true }>>;
  /** writes every pending save; resolves with the failures */
  flushAll(): Promise<string[]>;
}

export function createSessionService(guard: PathGuard, registry: SessionRegistry): SessionService {
  const storeFor = async (folder: string) => {
    const real = await guard.check(folder);
    if (!real.ok) return real;
    const opened = await registry.open(real.value);
    return opened.ok
      ? { ok: true as const, value: opened.store }
      : { ok: false as const, error: opened.reason };
  };
  return {
    async load(folder) {
      const store = await storeFor(folder);
      if (!store.ok) return store;
      // A save still in its debounce window (e.g. the page reloaded right after an edit) lands first.
      await store.value.flush();
      const loaded = await store.value.load();
      return {
        ok: true,
        value: {
          document: loaded.session.document,
          settings: loaded.session.settings,
          restored: loaded.restored,
          ...(loaded.warning === undefined ? {} : { warning: loaded.warning }),
        },
      };
    },
    async save(folder, payload) {
      const store = await storeFor(folder);
      if (!store.ok) return store;
      store.value.save({
        folder: store.value.folder,
        document: payload.document,
        settings: payload.settings,
      });
      return { ok: true, value: { scheduled: true } };
    },
    flushAll: () => registry.flushAll(),
  };
}
