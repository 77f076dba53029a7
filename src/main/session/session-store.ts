import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempPrefix, writeFileAtomic } from './atomic-write';
import { sessionPathFor } from './data-dir';
import { decodeSessionFile, emptySession, toSessionFile, type SessionData } from './session-file';

/** Timers, injectable so tests drive the debounce without sleeping. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SessionStoreOptions {
  /** app data directory: Electron's userData, or `defaultDataDir(...)` */
  dataDir: string;
  /** the opened folder */
  folder: string;
  /** quiet time before a save is written; edits within it are coalesced into one write */
  debounceMs?: number;
  scheduler?: Scheduler;
  now?: () => Date;
  /** how a file is written; tests inject failures */
  write?: (path: string, text: string) => Promise<void>;
}

export interface SessionLoad {
  session: SessionData;
  /** true when a saved session was found and read */
  restored: boolean;
  /** set when a saved session could not be used: what happened and where the old file went */
  warning?: string;
}

export type SaveResult = { ok: true } | { ok: false; reason: string };

export interface SessionStore {
  readonly file: string;
  readonly folder: string;
  load(): Promise<SessionLoad>;
  /** Schedules a save of this session; a later call before the debounce ends replaces it. */
  save(session: SessionData): void;
  /** Writes any scheduled save now and waits for every write (call on app close). */
  flush(): Promise<SaveResult>;
}

export type OpenedStore = { ok: true; store: SessionStore } | { ok: false; reason: string };

export const defaultDebounceMs = 300;

/** One store per opened folder; its file lives in the data directory, named by the folder's hash. */
export async function openSessionStore(options: SessionStoreOptions): Promise<OpenedStore> {
  const path = await sessionPathFor(options.dataDir, options.folder);
  if (!path.ok) return path;
  return { ok: true, store: new DebouncedSessionStore(path.file, path.folder, options) };
}

class DebouncedSessionStore implements SessionStore {
  private pending: SessionData | undefined;
  private timer: unknown;
  /** writes run one after another, so an older session never lands after a newer one */
  private writing: Promise<SaveResult> = Promise.resolve({ ok: true });
  private readonly debounceMs: number;
  private readonly scheduler: Scheduler;
  private readonly now: () => Date;
  private readonly write: (path: string, text: string) => Promise<void>;

  constructor(
    readonly file: string,
    readonly folder: string,
    options: SessionStoreOptions,
  ) {
    this.debounceMs = options.debounceMs ?? defaultDebounceMs;
    this.scheduler = options.scheduler ?? realScheduler;
    this.now = options.now ?? (() => new Date());
    this.write = options.write ?? writeFileAtomic;
  }

  async load(): Promise<SessionLoad> {
    // A save still waiting out its quiet time (the window reloaded right after an edit) or being written
    // is newer than the file: write it first, so a load never returns an older session (which the
    // renderer would then save back over the newer one) and never removes a write's own temporary.
    const unsaved = this.pending;
    const flushed = await this.flush();
    if (!flushed.ok && unsaved !== undefined)
      return { session: { ...unsaved, folder: this.folder }, restored: true, warning: flushed.reason };
    await removeStaleTemporaries(this.file);
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { session: emptySession(this.folder), restored: false };
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return {
        session: emptySession(this.folder),
        restored: false,
        warning: `The saved session for ${this.folder} could not be read (${code}); starting with no boxes. Check the permissions of ${this.file}.`,
      };
    }
    const decoded = decodeSessionFile(text);
    if (decoded.ok) return { session: { ...decoded.session, folder: this.folder }, restored: true };
    const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(this.file, aside);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return {
        session: emptySession(this.folder),
        restored: false,
        warning: `The saved session for ${this.folder} could not be used because ${decoded.reason}, and it could not be moved aside (${code}); the next save replaces it.`,
      };
    }
    return {
      session: emptySession(this.folder),
      restored: false,
      warning: `The saved session for ${this.folder} could not be used because ${decoded.reason}; it was kept as ${aside} and a new session was started.`,
    };
  }

  save(session: SessionData): void {
    this.pending = session;
    if (this.timer !== undefined) this.scheduler.clear(this.timer);
    this.timer = this.scheduler.set(() => {
      this.timer = undefined;
      void this.writePending();
    }, this.debounceMs);
  }

  async flush(): Promise<SaveResult> {
    if (this.timer !== undefined) {
      this.scheduler.clear(this.timer);
      this.timer = undefined;
    }
    return this.writePending();
  }

  private writePending(): Promise<SaveResult> {
    const session = this.pending;
    this.pending = undefined;
    if (session === undefined) return this.writing;
    const text = `${JSON.stringify(toSessionFile(session, this.now()), null, 1)}\n`;
    this.writing = this.writing.then(() => this.writeNow(text));
    return this.writing;
  }

  private async writeNow(text: string): Promise<SaveResult> {
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await this.write(this.file, text);
      return { ok: true };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        reason: `The session for ${this.folder} could not be saved (${detail}); free disk space or fix the permissions of ${dirname(this.file)}.`,
      };
    }
  }
}

/** Temporaries of this session left by a crash mid-save: never read, removed before loading. */
async function removeStaleTemporaries(file: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return;
  }
  const prefix = tempPrefix(file);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix)).map((n) => rm(join(dirname(file), n), { force: true })),
  );
}
