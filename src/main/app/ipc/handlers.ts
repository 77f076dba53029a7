/** What main does for each invoke channel, independent of the transport (Electron IPC or browser bridge). */
import type { AppInfo, InvokeChannel, IpcResult, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { PRESETS } from '../../../shared/presets';
import { resolveOutputDir } from '../output-dir';
import type { DeliveryService } from '../services/delivery-service';
import type { DestinationsService } from '../services/destinations-service';
import type { ReviewerService } from '../services/reviewer-service';
import type { ExportService } from '../services/export-service';
import type { FindingsService } from '../services/findings-service';
import type { ImageService } from '../services/image-service';
import type { LibraryService } from '../services/library-service';
import type { SessionService } from '../services/session-service';
import { createInflightLoads, type CallerId } from './inflight-loads';

/** `caller` identifies the sending window, so per-window state (cancellable loads) stays per window. */
export type Handlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, caller: CallerId) => Promise<IpcResult<ResponseOf<C>>>;
};

export interface AppServices {
  info: AppInfo;
  library: LibraryService;
  images: ImageService;
  sessions: SessionService;
  findings: FindingsService;
  exports: ExportService;
  destinations: DestinationsService;
  deliveries: DeliveryService;
  reviewer: ReviewerService;
  /** native folder dialog (Electron); absent in browser mode */
  pickFolder?: () => Promise<string | null>;
  /** native dialog for the export's output folder (Electron) */
  pickOutputFolder?: (defaultPath: string | undefined) => Promise<string | null>;
  /** shows a folder in the system file manager (Electron) */
  reveal?: (path: string) => void;
}

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export function createHandlers(services: AppServices): Handlers {
  const loads = createInflightLoads();
  return {
    'app:info': async () => ok(services.info),
    'library:pick-folder': async () =>
      services.pickFolder
        ? ok({ folder: await services.pickFolder() })
        : {
            ok: false,
            error: 'There is no folder dialog in browser mode: type or paste the folder path instead.',
          },
    'library:open': (request) => services.library.open(request.folder),
    'library:cancel': async (request) => ok({ cancelled: services.library.cancel(request.libraryId) }),
    'library:close': async (request) => ok({ closed: services.library.close(request.libraryId) }),
    'library:snapshot': async () => ok(services.library.snapshot()),
    'image:load': async ({ path, frame, requestId }, caller) => {
      if (requestId === undefined) return services.images.load(path, frame);
      const load = loads.begin(caller, requestId);
      try {
        const result = await services.images.load(path, frame, load.signal);
        // Cancelled is not a failure: the renderer drops the answer instead of showing an error.
        return load.signal.aborted && !result.ok ? ok({ cancelled: true as const }) : result;
      } finally {
        load.end();
      }
    },
    'image:cancel': async ({ requestId }, caller) => ok({ cancelled: loads.cancel(caller, requestId) }),
    'presets:list': async () => ok({ presets: PRESETS.map((preset) => ({ ...preset })) }),
    'session:load': (request) => services.sessions.load(request.folder),
    'session:save': ({ folder, document, settings }) =>
      services.sessions.save(folder, { document, settings }),
    'findings:import': (request) => services.findings.import(request),
    'export:start': (request) => services.exports.start(request),
    'export:cancel': async (request) => ok({ cancelled: services.exports.cancel(request.jobId) }),
    'export:pick-folder': async (request) =>
      services.pickOutputFolder
        ? ok({ folder: await services.pickOutputFolder(request.defaultPath) })
        : {
            ok: false,
            error: 'There is no folder dialog in browser mode: type the output folder path instead.',
          },
    'export:reveal': async (request) => {
      if (!services.reveal) return ok({ revealed: false });
      const real = await resolveOutputDir(request.path);
      if (!real.ok) return real;
      services.reveal(real.value);
      return ok({ revealed: true });
    },
    'destinations:list': () => services.destinations.list(),
    'destinations:add': (request) => services.destinations.add(request),
    'destinations:remove': (request) => services.destinations.remove(request.name),
    'destinations:test': (request) => services.destinations.test(request.to),
    'reviewer:get': () => services.reviewer.get(),
    'reviewer:set': (request) => services.reviewer.set(request.reviewer),
    'delivery:send': (request) => services.deliveries.sendJob(request.jobId, request.to),
    'delivery:cancel': async (request) => ok({ cancelled: services.deliveries.cancel(request.deliveryId) }),
  };
}
