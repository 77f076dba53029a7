import type { FolderBoxes } from '../boxes/box-state';

/**
 * The reviewer for an opened folder: its own, else the one named in another opened folder (the name is
 * given once, not per folder).
 */
export function reviewerOf(
  folders: Readonly<Record<string, FolderBoxes>>,
  folder: string | undefined,
): string | undefined {
  const own = folder === undefined ? undefined : folders[folder]?.settings.reviewer;
  return own ?? Object.values(folders).find((f) => f.settings.reviewer !== undefined)?.settings.reviewer;
}
