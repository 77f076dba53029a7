import { readDicomFile } from '../dicom/read-dicom';
import { infoText } from './info-text';
import { usageError } from './usage-error';

/** `dicom-ink info <file>`: exit 0 with the description, 1 when the file is not a readable DICOM image. */
export async function infoCommand(args: readonly string[]): Promise<number> {
  if (args.length !== 1 || (args[0] ?? '').startsWith('-'))
    return usageError('info takes exactly one file: dicom-ink info <file>');
  const path = args[0] ?? '';
  const read = await readDicomFile(path, { headerOnly: true });
  if (!read.ok) {
    process.stderr.write(`dicom-ink: ${path}: ${read.reason}\n`);
    return 1;
  }
  process.stdout.write(`${infoText(path, read.image.header)}\n`);
  return 0;
}
