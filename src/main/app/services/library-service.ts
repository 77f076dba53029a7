/**
 * The opened folders and what their background scans found. Scans run concurrently with the UI: each
 * file's header is read (never its pixels) by `scanFiles` (the library worker in the app, so thousands of
 * reads never stall the main process), progress is pushed (throttled) and a scan stops once cancelled.
 */
import path from 'node:path';
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { LibrarySnapshot, NonImageEntry, ScanProgress } from '../../../shared/ipc/library';
import { expandHome } from '../expand-home';
import type { PathGuard } from '../path-guard';
import { buildPatients, type IndexedImage } from './library-tree';

export type HeaderRead =
  { ok: true; header: ImageHeader } | { ok: false; kind: NonImageEntry['kind']; reason: string };

/** One file a scan looked at, and what its header said. */
export interface ScannedFile {
  path: string;
  read: HeaderRead;
}

export interface LibraryDeps {
  guard: PathGuard;
  /** every file under `root` with its header read, in scan order; stops (without throwing) once `signal` aborts */
  scanFiles(root: string, signal: AbortSignal): AsyncIterable<ScannedFile>;
  /** minimum ms between two progress events of one scan (default 150) */
  progressIntervalMs?: number;
  /** why a folder may not be opened at all (browser mode: system folders), checked before anything else */
  refuseRoot?: (folder: string) => Promise<string | undefined>;
}

export interface LibraryService {
  open(folder: string): Promise<IpcResult<{ libraryId: string }>>;
  cancel(libraryId: string): boolean;
  /** forgets an opened folder and what its scan found (stopping the scan); false when it is not open */
  close(libraryId: string): boolean;
  snapshot(): LibrarySnapshot;
  onProgress(listener: (progress: ScanProgress) => void): () => void;
  /** resolves when every running scan has ended */
  idle(): Promise<void>;
  dispose(): void;
}

interface Library {
  progress: ScanProgress;
  images: IndexedImage[];
  nonImages: NonImageEntry[];
  abort: AbortController;
  done: Promise<void>;
}

export function createLibraryService(deps: LibraryDeps): LibraryService {
  const libraries = new Map<string, Library>();
  const byFolder = new Map<string, string>();
  const listeners = new Set<(progress: ScanProgress) => void>();
  const interval = deps.progressIntervalMs ?? 150;
  let version = 0;
  let nextId = 1;
  let cached: LibrarySnapshot | undefined;

  const changed = (): void => {
    version += 1;
    cached = undefined;
  };
  const emit = (progress: ScanProgress): void => {
    for (const listener of listeners) listener({ ...progress });
  };

  /** The open (not cancelled or failed) library whose folder holds `real`, other than `real` itself. */
  function enclosingLibrary(real: string): string | undefined {
    for (const [id, library] of libraries) {
      const { folder, state } = library.progress;
      if (state === 'cancelled' || state === 'failed' || folder === real) continue;
      const relative = path.relative(folder, real);
      if (relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative)) return id;
    }
    return undefined;
  }

  async function scan(library: Library, root: string): Promise<void> {
    const { progress, abort } = library;
    let lastEmit = 0;
    try {
      for await (const { path: file, read } of deps.scanFiles(root, abort.signal)) {
        if (abort.signal.aborted) break;
        progress.filesSeen += 1;
        if (read.ok) {
          library.images.push({ path: file, root, header: read.header });
          progress.images += 1;
        } else {
          library.nonImages.push({ path: file, kind: read.kind, reason: read.reason });
          progress.nonImages += 1;
        }
        changed();
        // The first image is announced at once, so the first series shows while the scan goes on.
        const now = Date.now();
        if (progress.images === 1 && read.ok) emit(progress);
        else if (now - lastEmit >= interval) {
          lastEmit = now;
          emit(progress);
        }
      }
      progress.state = abort.signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      progress.state = abort.signal.aborted ? 'cancelled' : 'failed';
      if (progress.state === 'failed') {
        progress.error = `Scanning ${root} stopped: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    changed();
    emit(progress);
  }

  return {
    async open(folder) {
      const refused = await deps.refuseRoot?.(folder);
      if (refused !== undefined) return { ok: false, error: refused };
      const real = await deps.guard.allow(expandHome(folder));
      if (!real.ok) return real;
      // A file or folder inside a folder that is open is already in the library: join that folder.
      const enclosing = enclosingLibrary(real.value);
      if (enclosing !== undefined) return { ok: true, value: { libraryId: enclosing } };
      const existing = byFolder.get(real.value);
      const running = existing === undefined ? undefined : libraries.get(existing);
      // Opening a folder that is open (or being scanned) again joins it instead of scanning twice; a
      // cancelled or failed scan is started afresh.
      const rescan = running?.progress.state === 'cancelled' || running?.progress.state === 'failed';
      if (existing !== undefined && running && !rescan) {
        return { ok: true, value: { libraryId: existing } };
      }
      if (existing !== undefined) libraries.delete(existing);
      const libraryId = `lib-${nextId++}`;
      const library: Library = {
        progress: { libraryId, folder: real.value, state: 'scanning', filesSeen: 0, images: 0, nonImages: 0 },
        images: [],
        nonImages: [],
        abort: new AbortController(),
        done: Promise.resolve(),
      };
      libraries.set(libraryId, library);
      byFolder.set(real.value, libraryId);
      changed();
      emit(library.progress);
      library.done = scan(library, real.value);
      return { ok: true, value: { libraryId } };
    },
    close(libraryId) {
      const library = libraries.get(libraryId);
      if (!library) return false;
      library.abort.abort();
      libraries.delete(libraryId);
      if (byFolder.get(library.progress.folder) === libraryId) byFolder.delete(library.progress.folder);
      changed();
      // Listeners refresh their snapshot on any progress event; this one says the folder is gone.
      emit({ ...library.progress, state: 'cancelled' });
      return true;
    },
    cancel(libraryId) {
      const library = libraries.get(libraryId);
      if (!library || library.progress.state !== 'scanning') return false;
      library.abort.abort();
      return true;
    },
    snapshot() {
      if (cached) return cached;
      const all = [...libraries.values()];
      // A folder opened after a subfolder of it holds the same files: each file is listed once.
      const seen = new Set<string>();
      const images = all
        .flatMap((l) => l.images)
        .filter((image) => !seen.has(image.path) && seen.add(image.path));
      cached = {
        version,
        scans: all.map((l) => ({ ...l.progress })),
        patients: buildPatients(images),
        nonImages: all.flatMap((l) => l.nonImages),
      };
      return cached;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      await Promise.all([...libraries.values()].map((l) => l.done));
    },
    dispose() {
      for (const library of libraries.values()) library.abort.abort();
      listeners.clear();
    },
  };
}
