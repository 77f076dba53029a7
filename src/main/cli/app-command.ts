import { parseArgs } from 'node:util';
import { usageError } from './usage-error';

/** `dicom-ink app [FOLDER...] [--browser] [--port N] [--no-open]`; the app code is loaded only here. */
export async function appCommand(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { browser: { type: 'boolean' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
  const { values, positionals } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    return usageError(`--port needs a port number between 0 and 65535, got "${values.port}"`);
  }
  const { runApp } = await import('../app/launch');
  await runApp({
    folders: positionals,
    browser: values.browser ?? false,
    port,
    open: !(values['no-open'] ?? false),
  });
  return 0;
}
