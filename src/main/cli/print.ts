/**
 * The CLI's only way to the terminal: every message passes terminalSafe, so text taken from a file (a box
 * label, a file name, a UID) can never send an escape sequence or a bidi override to the terminal raw.
 * ESLint refuses process.stdout.write / process.stderr.write elsewhere in src/main/cli.
 */
import { terminalSafe } from '../../shared/text/terminal-safe';

export function printOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
