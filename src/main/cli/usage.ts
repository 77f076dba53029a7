import { commandHelp } from './args/help-text';
import { COMMANDS } from './commands';
import { EXIT_CODES_TEXT } from './exit-codes';

/** `dicom-ink --help`: the commands with one line each, and where each command's options are. */
export function mainHelp(): string {
  const synopses = COMMANDS.map((c) => c.spec.synopsis);
  const width = Math.max(...synopses.map((s) => s.length)) + 3;
  const lines = [
    'DICOM Ink: burn display windows and detection boxes into DICOM images.',
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.spec.synopsis.padEnd(width)}${c.spec.summary}`),
    `  ${'dicom-ink --help | --version'.padEnd(width)}this help, the version`,
    '',
    'Run `dicom-ink <command> --help` (or -h) for the options of a command.',
    '',
    EXIT_CODES_TEXT,
    '',
    'Examples:',
    ...COMMANDS.flatMap((c) => (c.spec.examples ?? []).map((e) => `  ${e}`)),
  ];
  return lines.join('\n');
}

export { commandHelp };
