import { describeDestination } from '../delivery/destination';
import { resolveDestination } from '../delivery/destinations-store';
import { DEFAULT_ECHO_TIMEOUT_MS, echoDestination } from '../delivery/echo';
import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { secretsFromArgs, timeoutArg } from './secret-args';
import { ECHO_OPTIONS } from './specs/send';
import { usageError } from './usage-error';
import { printOut, printErr } from './print';

/** `dicom-ink echo <destination>`: 0 when it answered, 1 with the reason when not. */
export async function echoCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, ECHO_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'echo');
  if (parsed.positionals.length !== 1) return usageError('echo takes exactly one destination', 'echo');
  const timeoutMs = timeoutArg(parsed.values.timeout, DEFAULT_ECHO_TIMEOUT_MS);
  if (!timeoutMs.ok) return usageError(timeoutMs.reason, 'echo');
  const secrets = await secretsFromArgs(parsed.values);
  if (!secrets.ok) return usageError(secrets.reason, 'echo');
  const destination = await resolveDestination(parsed.positionals[0] ?? '', {
    callingAe: parsed.values['calling-ae'],
    ...secrets.value,
  });
  if (!destination.ok) return usageError(destination.reason, 'echo');
  const label = describeDestination(destination.value);
  const result = await echoDestination(destination.value, timeoutMs.value);
  if (result.ok) {
    printOut(`${label}: OK, ${result.detail} in ${result.ms} ms\n`);
    return EXIT.ok;
  }
  printErr(`dicom-ink: ${label}: ${result.reason}\n`);
  return EXIT.someFailed;
}
