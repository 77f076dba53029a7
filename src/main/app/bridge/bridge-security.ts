/**
 * Who may talk to the browser-mode bridge. It listens on 127.0.0.1 only, yet any web page the user visits
 * can send requests to loopback: so every API request must carry the random token, the Host header must
 * name the loopback address (defeats DNS rebinding) and an Origin, when sent, must be the bridge itself.
 */
import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** the token from the X-DicomInk-Token header or the `token` query parameter */
  token: string | null | undefined;
}

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export const TOKEN_HEADER = 'x-dicomink-token';

function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host and Origin checks, for every request including static files. */
export function checkHostAndOrigin(facts: RequestFacts, port: number): Verdict {
  if (!facts.host || !loopbackHosts(port).includes(facts.host.toLowerCase())) {
    return { ok: false, status: 403, reason: `Host ${facts.host ?? '(none)'} is not this loopback bridge.` };
  }
  if (facts.origin !== undefined && !loopbackHosts(port).some((host) => facts.origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: `Requests from ${facts.origin} are refused.` };
  }
  return { ok: true };
}

/** Host, Origin and token checks, for API requests. */
export function checkApiRequest(facts: RequestFacts, port: number, token: string): Verdict {
  const site = checkHostAndOrigin(facts, port);
  if (!site.ok) return site;
  if (!facts.token || !sameToken(facts.token, token)) {
    return {
      ok: false,
      status: 401,
      reason: 'The request has no valid token: open the URL printed by dicom-ink app.',
    };
  }
  return { ok: true };
}
