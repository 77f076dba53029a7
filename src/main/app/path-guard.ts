/**
 * Main reads only inside folders the user opened. Paths from the renderer are untrusted: each is resolved
 * to its real path (symlinks followed) and must lie inside an opened folder's real path, decided with
 * path.relative (not startsWith, which would accept /data/study-evil for /data/study).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { IpcResult } from '../../shared/ipc/contract';
import { isInside } from '../paths/is-inside';

export interface PathGuard {
  /** Registers an opened folder; returns its real path. */
  allow(folder: string): Promise<IpcResult<string>>;
  /** The real path of `candidate` when it is inside an opened folder, else why it is refused. */
  check(candidate: string): Promise<IpcResult<string>>;
  roots(): readonly string[];
}

export { isInside } from '../paths/is-inside';

async function realPathOf(candidate: string): Promise<IpcResult<string>> {
  try {
    return { ok: true, value: await realpath(path.resolve(candidate)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, error: `Cannot open ${candidate}: it does not exist or cannot be read (${code}).` };
  }
}

export function createPathGuard(): PathGuard {
  const realRoots: string[] = [];
  /** the folders as given (resolved, symlinks kept), for the lexical pre-check */
  const givenRoots: string[] = [];
  const insideAny = (roots: readonly string[], candidate: string): boolean =>
    roots.some((root) => isInside(root, candidate));
  return {
    async allow(folder) {
      const real = await realPathOf(folder);
      if (!real.ok) return real;
      if (!realRoots.includes(real.value)) realRoots.push(real.value);
      const given = path.resolve(folder);
      if (!givenRoots.includes(given)) givenRoots.push(given);
      return real;
    },
    async check(candidate) {
      const refused = {
        ok: false as const,
        error: `Refused to read ${candidate}: it is outside the folders you opened. Open its folder first.`,
      };
      // Relative paths have no meaning across the boundary; the renderer only ever has absolute ones.
      if (!path.isAbsolute(candidate)) return refused;
      // Lexical check first, so whether a refused path exists is never revealed by a different message.
      const lexical = path.resolve(candidate);
      if (!insideAny(givenRoots, lexical) && !insideAny(realRoots, lexical)) return refused;
      // Then the real path, so a symlink inside an opened folder cannot lead outside it.
      const real = await realPathOf(candidate);
      if (!real.ok) return real;
      return insideAny(realRoots, real.value) ? real : refused;
    },
    roots: () => realRoots,
  };
}
