/**
 * `dicom-ink` command line (bundled to dist/cli.cjs, launched by bin/dicom-ink.cjs). Dispatches to the
 * sub-commands; each returns its exit code: 0 success, 1 some file failed, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE } from './usage';
import { usageError } from './usage-error';

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
    // Each command is loaded only when used: `convert` never loads app code, and its main thread never
    // loads the decoders (only the workers do).
    case 'convert':
      return (await import('./convert-command')).convertCommand(rest);
    case 'presets': {
      if (rest.length > 0) return usageError('presets takes no arguments');
      const { presetsText } = await import('./presets-command');
      process.stdout.write(`${presetsText()}\n`);
      return 0;
    }
    case 'info':
      return (await import('./info-command')).infoCommand(rest);
    case 'app':
      return (await import('./app-command')).appCommand(rest);
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case '--version':
    case '-v':
      process.stdout.write(`${version()}\n`);
      return 0;
    case undefined:
      return usageError('no command given');
    default:
      return usageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `dicom-ink: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
