import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../session/atomic-write';
import { configDir } from './config-dir';
import { describeDestination, parseDestinationUrl, redactUrl } from './destination';
import type { Destination, Parsed } from './destination';

/** A named destination as kept in `destinations.json` (the URL may hold basic-auth credentials). */
export interface NamedDestination {
  name: string;
  url: string;
  /** our calling AE title for a DIMSE destination (default DICOMINK) */
  callingAe?: string;
  /** bearer token for a DICOMweb destination */
  token?: string;
}

const entrySchema = z.object({
  name: z.string().min(1),
  url: z.string().min(1),
  callingAe: z.string().optional(),
  token: z.string().optional(),
});
const fileSchema = z.object({ destinations: z.array(entrySchema) });

export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function destinationsFile(dir: string = configDir()): string {
  return join(dir, 'destinations.json');
}

/** The saved destinations; none when the file does not exist yet. A corrupt file is an error, not an empty list. */
export async function loadDestinations(
  file: string = destinationsFile(),
): Promise<Parsed<NamedDestination[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
    return { ok: false, reason: `cannot read ${file} (${(error as Error).message})` };
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { ok: true, value: parsed.data.destinations };
    return {
      ok: false,
      reason: `${file} is not a destinations file (${parsed.error.issues[0]?.message ?? ''}); fix or remove it`,
    };
  } catch (error) {
    return { ok: false, reason: `${file} is not valid JSON (${(error as Error).message}); fix or remove it` };
  }
}

async function save(file: string, destinations: NamedDestination[]): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  // writeFileAtomic creates the file with mode 0600: it may hold passwords and tokens.
  await writeFileAtomic(file, `${JSON.stringify({ destinations }, null, 2)}\n`);
}

/** The destination a named entry stands for. */
export function destinationOf(entry: NamedDestination): Parsed<Destination> {
  return parseDestinationUrl(entry.url, { callingAe: entry.callingAe, token: entry.token });
}

/** Adds (or replaces) a named destination after checking that its URL parses. */
export async function addDestination(
  entry: NamedDestination,
  file: string = destinationsFile(),
): Promise<Parsed<Destination>> {
  if (!NAME_PATTERN.test(entry.name))
    return {
      ok: false,
      reason: `"${entry.name}" is not a destination name: use letters, digits, ".", "_" or "-"`,
    };
  const destination = destinationOf(entry);
  if (!destination.ok) return destination;
  const loaded = await loadDestinations(file);
  if (!loaded.ok) return loaded;
  await save(file, [...loaded.value.filter((d) => d.name !== entry.name), entry]);
  return destination;
}

export async function removeDestination(
  name: string,
  file: string = destinationsFile(),
): Promise<Parsed<string>> {
  const loaded = await loadDestinations(file);
  if (!loaded.ok) return loaded;
  if (!loaded.value.some((d) => d.name === name))
    return {
      ok: false,
      reason: `there is no destination named "${name}"; \`dicom-ink destinations list\` shows them`,
    };
  await save(
    file,
    loaded.value.filter((d) => d.name !== name),
  );
  return { ok: true, value: name };
}

/** One line per destination for `destinations list` and the app: its name and URL without secrets. */
export function describeNamed(entry: NamedDestination): string {
  const parsed = destinationOf(entry);
  return parsed.ok
    ? describeDestination(parsed.value)
    : `${redactUrl(entry.url)} (invalid: ${parsed.reason})`;
}

/**
 * What the user typed where a destination is asked for: a saved name, or a URL of the accepted forms.
 * A name wins when it exists; anything with "://" is read as a URL.
 */
export async function resolveDestination(
  text: string,
  extra: { callingAe?: string; token?: string; password?: string } = {},
  file: string = destinationsFile(),
): Promise<Parsed<Destination>> {
  if (text.includes('://')) return parseDestinationUrl(text, extra);
  const loaded = await loadDestinations(file);
  if (!loaded.ok) return loaded;
  const entry = loaded.value.find((d) => d.name === text);
  if (!entry) {
    const names = loaded.value.map((d) => d.name);
    const known =
      names.length > 0 ? `saved destinations: ${names.join(', ')}` : 'no destinations are saved yet';
    return {
      ok: false,
      reason: `"${text}" is neither a saved destination nor a URL (${known}); use dicom://AETITLE@host:port or http(s)://host[:port]/dicom-web`,
    };
  }
  return parseDestinationUrl(entry.url, {
    callingAe: extra.callingAe ?? entry.callingAe,
    token: extra.token ?? entry.token,
    ...(extra.password !== undefined ? { password: extra.password } : {}),
  });
}
