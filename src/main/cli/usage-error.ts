import { CONVERT_USAGE, USAGE } from './usage';

/** Prints what is wrong, then the usage, and returns exit code 2. */
export function usageError(reason: string, command?: 'convert'): number {
  const usage = command === 'convert' ? CONVERT_USAGE : USAGE;
  process.stderr.write(`dicom-ink: ${reason}\n\n${usage}\n`);
  return 2;
}
