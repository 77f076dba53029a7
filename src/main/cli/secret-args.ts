import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Parsed } from '../delivery/destination';

/** Environment variables read for secrets, so they never need to be on a command line (`ps` shows those). */
export const TOKEN_ENV = 'DICOM_INK_TOKEN';
export const PASSWORD_ENV = 'DICOM_INK_PASSWORD';

/** A secret file is a few lines at most; anything larger is the wrong file. */
const MAX_SECRET_BYTES = 64 * 1024;

export interface Secrets {
  token?: string;
  password?: string;
}

/** The first line of a regular file, without its line ending. */
async function readSecretFile(path: string, flag: string): Promise<Parsed<string>> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO given by mistake is refused below instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: `${flag} ${path} is not a regular file` };
    if (info.size > MAX_SECRET_BYTES)
      return { ok: false, reason: `${flag} ${path} is larger than 64 KiB: name the file holding the secret` };
    const secret = (await handle.readFile('utf8')).split(/\r?\n/)[0] ?? '';
    if (secret.trim() === '') return { ok: false, reason: `${flag} ${path} is empty` };
    return { ok: true, value: secret.trim() };
  } catch (error) {
    return {
      ok: false,
      reason: `${flag} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    };
  } finally {
    await handle?.close();
  }
}

/**
 * The secrets for a destination, from the safest source given: `--token-file` (its first line), else
 * `--token`, else $DICOM_INK_TOKEN; a basic-auth password for a URL that names only the user
 * (https://user@host/dicom-web) from $DICOM_INK_PASSWORD.
 */
export async function secretsFromArgs(
  values: { token?: string; 'token-file'?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Parsed<Secrets>> {
  let token = values.token ?? (env[TOKEN_ENV] || undefined);
  if (values['token-file'] !== undefined) {
    if (values.token !== undefined) return { ok: false, reason: 'give --token or --token-file, not both' };
    const read = await readSecretFile(values['token-file'], '--token-file');
    if (!read.ok) return read;
    token = read.value;
  }
  const password = env[PASSWORD_ENV] || undefined;
  return {
    ok: true,
    value: { ...(token !== undefined ? { token } : {}), ...(password !== undefined ? { password } : {}) },
  };
}

/** `--timeout <seconds>`: a whole number of seconds, 1 to 3600. */
export function timeoutArg(text: string | undefined, fallbackMs: number): Parsed<number> {
  if (text === undefined) return { ok: true, value: fallbackMs };
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
    return { ok: false, reason: `--timeout needs a whole number of seconds from 1 to 3600, got "${text}"` };
  return { ok: true, value: seconds * 1000 };
}
