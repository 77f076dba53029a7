import {
  openSessionStore,
  type OpenedStore,
  type SaveResult,
  type SessionStoreOptions,
} from './session-store';

/**
 * The session stores of every open folder, so that closing the app (Electron `before-quit`, SIGINT in
 * browser mode) can flush them all. Opening the same folder twice (also through another path to it)
 * returns the same store, so two debounce timers never race on one file.
 */
export interface SessionRegistry {
  open(folder: string): Promise<OpenedStore>;
  /** flushes every store; resolves with the failures (empty when all saved) */
  flushAll(): Promise<string[]>;
}

export function createSessionRegistry(options: Omit<SessionStoreOptions, 'folder'>): SessionRegistry {
  const byFile = new Map<string, OpenedStore & { ok: true }>();
  return {
    async open(folder) {
      const opened = await openSessionStore({ ...options, folder });
      if (!opened.ok) return opened;
      const existing = byFile.get(opened.store.file);
      if (existing !== undefined) return existing;
      byFile.set(opened.store.file, opened);
      return opened;
    },
    async flushAll() {
      const results: SaveResult[] = await Promise.all([...byFile.values()].map((o) => o.store.flush()));
      return results.flatMap((r) => (r.ok ? [] : [r.reason]));
    },
  };
}
