/**
 * Where outputs are delivered: a DICOM node reached by DIMSE (`dicom://CALLEDAE@host:port`) or a DICOMweb service (`http(s)://host[:port]/path`, the root under which
 * /studies lives, e.g. Orthanc's /dicom-web). Parsed once, at the edge, into a typed value.
 */
export const DEFAULT_CALLING_AE = 'DICOMINK';

export type WebAuth = { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

export type Destination =
  | { kind: 'dimse'; calledAe: string; callingAe: string; host: string; port: number }
  | { kind: 'dicomweb'; root: string; auth?: WebAuth };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** PS3.5 6.2: an AE title is 1-16 characters of the default repertoire, no backslash or control codes,
 * and not only spaces. */
export function aeTitleProblem(title: string): string | undefined {
  if (title.length === 0 || title.length > 16) return `AE title "${title}" must be 1 to 16 characters`;
  if (/[^\x20-\x7e]|\\/.test(title)) return `AE title "${title}" may only hold printable ASCII without "\\"`;
  if (title.trim() === '') return 'an AE title may not be only spaces';
  return undefined;
}

const EXAMPLES = 'use dicom://AETITLE@host:port or http(s)://host[:port]/dicom-web';

function parseDimse(url: URL, callingAe: string | undefined): Parsed<Destination> {
  const calledAe = decodeURIComponent(url.username);
  if (!calledAe || url.password)
    return {
      ok: false,
      reason: `"${redactUrl(url.href)}" needs exactly one AE title before "@"; ${EXAMPLES}`,
    };
  const calling = callingAe ?? DEFAULT_CALLING_AE;
  for (const title of [calledAe, calling]) {
    const problem = aeTitleProblem(title);
    if (problem) return { ok: false, reason: problem };
  }
  const port = Number(url.port);
  if (!url.port || !Number.isInteger(port) || port < 1 || port > 65535)
    return {
      ok: false,
      reason: `"${redactUrl(url.href)}" needs a port (1-65535) after the host; ${EXAMPLES}`,
    };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return { ok: false, reason: `"${redactUrl(url.href)}" names no host; ${EXAMPLES}` };
  return { ok: true, value: { kind: 'dimse', calledAe, callingAe: calling, host, port } };
}

function parseWeb(url: URL, secrets: { token?: string; password?: string }): Parsed<Destination> {
  const { token } = secrets;
  const root = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  if (url.search || url.hash)
    return { ok: false, reason: `a DICOMweb root takes no query or fragment: "${redactUrl(url.href)}"` };
  let auth: WebAuth | undefined;
  if (token !== undefined) auth = { kind: 'bearer', token };
  else if (url.username)
    auth = {
      kind: 'basic',
      user: decodeURIComponent(url.username),
      password: url.password ? decodeURIComponent(url.password) : (secrets.password ?? ''),
    };
  return { ok: true, value: auth ? { kind: 'dicomweb', root, auth } : { kind: 'dicomweb', root } };
}

/**
 * Parses a destination URL; `callingAe` overrides the calling AE title, `token` adds bearer auth,
 * `password` is the basic-auth password of a URL that names only the user.
 */
export function parseDestinationUrl(
  text: string,
  extra: { callingAe?: string; token?: string; password?: string } = {},
): Parsed<Destination> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: `"${redactUrl(text)}" is not a destination; ${EXAMPLES}` };
  }
  switch (url.protocol) {
    case 'dicom:':
      return parseDimse(url, extra.callingAe);
    case 'http:':
    case 'https:':
      return parseWeb(url, extra);
    default:
      return { ok: false, reason: `"${url.protocol}" destinations are not supported; ${EXAMPLES}` };
  }
}

/**
 * Hides a password in a URL-like text (for messages about text that did not parse). The credentials run
 * from "//" to the LAST "@" (a password may hold "/", "@" or ":"); everything after the user's first ":"
 * up to there is hidden.
 */
export function redactUrl(text: string): string {
  const start = text.indexOf('//');
  const at = text.lastIndexOf('@');
  if (start < 0 || at < start) return text;
  const credentials = text.slice(start + 2, at);
  const colon = credentials.indexOf(':');
  if (colon < 0) return text;
  return `${text.slice(0, start + 2)}${credentials.slice(0, colon)}:***${text.slice(at)}`;
}

/** How a destination is shown in messages, logs and reports: never with its secret. */
export function describeDestination(destination: Destination): string {
  switch (destination.kind) {
    case 'dimse':
      return `dicom://${destination.calledAe}@${destination.host.includes(':') ? `[${destination.host}]` : destination.host}:${destination.port} (calling AE ${destination.callingAe})`;
    case 'dicomweb': {
      const auth = destination.auth;
      const who = auth?.kind === 'basic' ? ` (basic auth as ${auth.user})` : auth ? ' (bearer token)' : '';
      return `${destination.root}${who}`;
    }
  }
}

/** The identity of a destination in the delivery log: what decides whether an instance is already there. */
export function destinationKey(destination: Destination): string {
  switch (destination.kind) {
    case 'dimse':
      return `dicom://${destination.calledAe}@${destination.host}:${destination.port}`;
    case 'dicomweb':
      return destination.root;
  }
}
