/**
 * `dicom-ink` command line (bundled to dist/cli.cjs, launched by bin/dicom-ink.cjs). Dispatches to the
 * sub-commands of commands.ts; each returns its exit code (exit-codes.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksForHelp } from './args/parse-args';
import { closestWord } from './args/suggest';
import { COMMANDS, findCommand } from './commands';
import { EXIT } from './exit-codes';
import { commandHelp, mainHelp } from './usage';
import { usageError } from './usage-error';
import { printOut, printErr } from './print';

/** The version in package.json, which sits beside dist/ (where this file is bundled). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '--help':
    case '-h':
    case 'help': {
      const topic = rest[0] === undefined ? undefined : findCommand(rest[0]);
      printOut(`${topic === undefined ? mainHelp() : commandHelp(topic.spec)}\n`);
      return EXIT.ok;
    }
    case '--version':
    case '-v':
      printOut(`${version()}\n`);
      return EXIT.ok;
    case undefined:
      return usageError('no command given');
  }
  const entry = findCommand(command);
  if (entry === undefined) {
    const guess = closestWord(
      command.replace(/^-+/, ''),
      COMMANDS.map((c) => c.spec.name),
    );
    return usageError(`unknown command "${command}"${guess === undefined ? '' : `; did you mean ${guess}?`}`);
  }
  if (asksForHelp(rest)) {
    printOut(`${commandHelp(entry.spec)}\n`);
    return EXIT.ok;
  }
  return (await entry.load())(rest);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printErr(
      `dicom-ink: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = EXIT.someFailed;
  },
);
