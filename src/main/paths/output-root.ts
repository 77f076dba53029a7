import { isDiskRoot, protectedFolderOf, type SystemContext } from './system-folders';

/**
 * Why an output root (an absolute real path) is refused, as the rest of a sentence that starts with the
 * folder's name ("The output folder /x ...", "--out /x ..."), or undefined when it may be written.
 */
export function refusedOutputRoot(realRoot: string, context: SystemContext): string | undefined {
  if (isDiskRoot(realRoot)) return 'is the root of a disk: choose a folder.';
  const inside = protectedFolderOf(realRoot, context);
  if (inside === undefined) return undefined;
  return `is inside the ${inside.kind} folder ${inside.folder}: choose a folder of your own.`;
}
