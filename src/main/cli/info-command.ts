import { readDicomFile } from '../dicom/read-dicom';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { infoText } from './info-text';
import { INFO_SPEC } from './specs/info';
import { usageError } from './usage-error';

/** `dicom-ink info <file>`: exit 0 with the description, 1 when the file is not a readable DICOM image. */
export async function infoCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, INFO_SPEC.options);
  if (!parsed.ok) return usageError(parsed.reason, 'info');
  if (parsed.positionals.length !== 1)
    return usageError('info takes exactly one file: dicom-ink info <file>', 'info');
  const path = parsed.positionals[0] ?? '';
  const read = await readDicomFile(path, { headerOnly: true });
  if (!read.ok) {
    process.stderr.write(`dicom-ink: ${path}: ${read.reason}\n`);
    return EXIT.someFailed;
  }
  process.stdout.write(`${infoText(path, read.image.header)}\n`);
  return EXIT.ok;
}
