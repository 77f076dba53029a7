import { stat } from 'node:fs/promises';
import { readDicomFile } from '../dicom/read-dicom';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { fileInfoText } from './info/file-info-text';
import { folderInfo } from './info/folder-info';
import { folderInfoText } from './info/folder-info-text';
import { INFO_SPEC } from './specs/info';
import { usageError } from './usage-error';
import { printOut, printErr } from './print';

/**
 * `dicom-ink info <file|folder>`: a file's header facts, or a folder's series, counts and transfer
 * syntaxes. Exit 0 when it shows at least one image, 1 when there is none or the path cannot be read.
 */
export async function infoCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, INFO_SPEC.options);
  if (!parsed.ok) return usageError(parsed.reason, 'info');
  if (parsed.positionals.length !== 1)
    return usageError('info takes exactly one file or folder: dicom-ink info <file|folder>', 'info');
  const path = parsed.positionals[0] ?? '';
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    printErr(`dicom-ink: ${path} does not exist or cannot be read; check the path\n`);
    return EXIT.someFailed;
  }
  if (isFolder) {
    const info = await folderInfo(path);
    printOut(`${folderInfoText(info)}\n`);
    return info.series.length > 0 ? EXIT.ok : EXIT.someFailed;
  }
  const read = await readDicomFile(path, { headerOnly: true });
  if (!read.ok) {
    printErr(`dicom-ink: ${path}: ${read.reason}\n`);
    return EXIT.someFailed;
  }
  printOut(`${fileInfoText(path, read.image.header)}\n`);
  return EXIT.ok;
}
