import { EXIT } from './exit-codes';
import { printErr } from './print';

/**
 * Prints what is wrong in one line and where the help is, not the whole help (which would push the
 * reason off the screen), and returns exit code 2.
 */
export function usageError(reason: string, command?: string): number {
  const help = command === undefined ? 'dicom-ink --help' : `dicom-ink ${command} --help`;
  printErr(`dicom-ink: ${reason}\nsee \`${help}\`\n`);
  return EXIT.usage;
}
