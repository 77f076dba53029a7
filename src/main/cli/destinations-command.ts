import { describeDestination } from '../delivery/destination';
import {
  addDestination,
  describeNamed,
  destinationsFile,
  loadDestinations,
  removeDestination,
} from '../delivery/destinations-store';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { secretsFromArgs } from './secret-args';
import { DESTINATIONS_OPTIONS } from './specs/send';
import { usageError } from './usage-error';
import { printOut, printErr } from './print';

/** `dicom-ink destinations add <name> <url> | list | remove <name>`. */
export async function destinationsCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, DESTINATIONS_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'destinations');
  const [action, ...rest] = parsed.positionals;
  const file = destinationsFile();
  switch (action) {
    case 'list': {
      if (rest.length > 0) return usageError('destinations list takes no arguments', 'destinations');
      const loaded = await loadDestinations(file);
      if (!loaded.ok) {
        printErr(`dicom-ink: ${loaded.reason}\n`);
        return EXIT.someFailed;
      }
      if (loaded.value.length === 0) printOut(`No destinations saved (${file}).\n`);
      for (const entry of loaded.value) printOut(`${entry.name}\t${describeNamed(entry)}\n`);
      return EXIT.ok;
    }
    case 'add': {
      if (rest.length !== 2) return usageError('destinations add needs a name and a URL', 'destinations');
      const [name = '', url = ''] = rest;
      // Only what is given here is saved: a token in the environment applies to each run, not to the file.
      const secrets = await secretsFromArgs(parsed.values, {});
      if (!secrets.ok) return usageError(secrets.reason, 'destinations');
      const added = await addDestination(
        { name, url, callingAe: parsed.values['calling-ae'], token: secrets.value.token },
        file,
      ).catch((error: unknown) => ({
        ok: false as const,
        reason: `cannot write ${file} (${String(error)})`,
      }));
      if (!added.ok) return usageError(added.reason, 'destinations');
      printOut(`Saved ${name}: ${describeDestination(added.value)}\n`);
      return EXIT.ok;
    }
    case 'remove': {
      if (rest.length !== 1) return usageError('destinations remove needs a name', 'destinations');
      const removed = await removeDestination(rest[0] ?? '', file);
      if (!removed.ok) return usageError(removed.reason, 'destinations');
      printOut(`Removed ${removed.value}\n`);
      return EXIT.ok;
    }
    default:
      return usageError(
        action === undefined
          ? 'say add, list or remove'
          : `unknown action "${action}"; use add, list or remove`,
        'destinations',
      );
  }
}
