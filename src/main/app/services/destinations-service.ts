/**
 * The settings' named destinations: the same `destinations.json` as `dicom-ink destinations add|list|remove`
 * (src/main/delivery/destinations-store.ts), and the Test button (echoDestination, as `dicom-ink echo`).
 * What goes back to the renderer is the description, never a password or token.
 */
import type { IpcResult } from '../../../shared/ipc/contract';
import type {
  DestinationAddRequest,
  DestinationSummary,
  DestinationTestResult,
} from '../../../shared/ipc/delivery';
import { describeDestination } from '../../delivery/destination';
import {
  addDestination,
  describeNamed,
  destinationOf,
  destinationsFile,
  loadDestinations,
  removeDestination,
  resolveDestination,
} from '../../delivery/destinations-store';
import type { NamedDestination } from '../../delivery/destinations-store';
import { echoDestination } from '../../delivery/echo';

export interface DestinationsService {
  list(): Promise<IpcResult<{ file: string; destinations: DestinationSummary[] }>>;
  add(request: DestinationAddRequest): Promise<IpcResult<{ destination: DestinationSummary }>>;
  remove(name: string): Promise<IpcResult<{ removed: string }>>;
  test(to: string): Promise<IpcResult<DestinationTestResult>>;
}

export interface DestinationsDeps {
  /** default: destinations.json in the user's config folder (DICOM_INK_CONFIG_DIR overrides it) */
  file?: string;
  echoTimeoutMs?: number;
}

function summary(entry: NamedDestination): DestinationSummary {
  const parsed = destinationOf(entry);
  return parsed.ok
    ? { name: entry.name, description: describeNamed(entry) }
    : { name: entry.name, description: describeNamed(entry), invalid: parsed.reason };
}

const failed = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function createDestinationsService(deps: DestinationsDeps = {}): DestinationsService {
  const file = (): string => deps.file ?? destinationsFile();
  return {
    async list() {
      const loaded = await loadDestinations(file());
      if (!loaded.ok) return failed(`The saved destinations cannot be read: ${loaded.reason}.`);
      return { ok: true, value: { file: file(), destinations: loaded.value.map(summary) } };
    },
    async add(request) {
      const entry: NamedDestination = {
        name: request.name,
        url: request.url,
        ...(request.callingAe !== undefined ? { callingAe: request.callingAe } : {}),
        ...(request.token !== undefined ? { token: request.token } : {}),
      };
      const added = await addDestination(entry, file()).catch((error: unknown) => ({
        ok: false as const,
        reason: `cannot write ${file()} (${error instanceof Error ? error.message : String(error)})`,
      }));
      if (!added.ok) return failed(`Not saved: ${added.reason}.`);
      return {
        ok: true,
        value: { destination: { name: entry.name, description: describeDestination(added.value) } },
      };
    },
    async remove(name) {
      const removed = await removeDestination(name, file()).catch((error: unknown) => ({
        ok: false as const,
        reason: `cannot write ${file()} (${error instanceof Error ? error.message : String(error)})`,
      }));
      return removed.ok
        ? { ok: true, value: { removed: removed.value } }
        : failed(`Not removed: ${removed.reason}.`);
    },
    async test(to) {
      const destination = await resolveDestination(to, {}, file());
      if (!destination.ok) return { ok: true, value: { ok: false, reason: destination.reason, ms: 0 } };
      const target = describeDestination(destination.value);
      const echo = await echoDestination(destination.value, deps.echoTimeoutMs);
      return {
        ok: true,
        value: echo.ok
          ? { ok: true, target, detail: echo.detail, ms: echo.ms }
          : { ok: false, target, reason: echo.reason, ms: echo.ms },
      };
    },
  };
}
