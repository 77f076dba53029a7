/** Command-line contract between launch.ts and electron-main.ts. */
export const OPEN_FOLDER_ARG = '--open-folder=';

export function foldersFromArgv(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => arg.startsWith(OPEN_FOLDER_ARG))
    .map((arg) => arg.slice(OPEN_FOLDER_ARG.length));
}
