import { parseCommandArgs } from './args/parse-args';
import { EXIT } from './exit-codes';
import { APP_OPTIONS } from './specs/app';
import { usageError } from './usage-error';

/** `dicom-ink app [FOLDER...] [--browser] [--port N] [--no-open]`; the app code is loaded only here. */
export async function appCommand(args: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(args, APP_OPTIONS);
  if (!parsed.ok) return usageError(parsed.reason, 'app');
  const { values, positionals } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (
    port !== undefined &&
    (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
  ) {
    return usageError(`--port needs a port number between 0 and 65535, got "${values.port}"`, 'app');
  }
  const { runApp } = await import('../app/launch');
  await runApp({
    folders: positionals,
    browser: values.browser ?? false,
    port,
    open: !(values['no-open'] ?? false),
  });
  return EXIT.ok;
}
