/** What main does for each invoke channel, independent of the transport (Electron IPC or browser bridge). */
import type { AppInfo, InvokeChannel, IpcResult, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { PRESETS } from '../../../shared/presets';
import type { ImageService } from '../services/image-service';
import type { LibraryService } from '../services/library-service';

export type Handlers = {
  [C in InvokeChannel]: (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
};

export interface AppServices {
  info: AppInfo;
  library: LibraryService;
  images: ImageService;
  /** native folder dialog (Electron); absent in browser mode */
  pickFolder?: () => Promise<string | null>;
}

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export function createHandlers(services: AppServices): Handlers {
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
    'library:snapshot': async () => ok(services.library.snapshot()),
    'image:load': (request) => services.images.load(request.path, request.frame),
    'presets:list': async () => ok({ presets: PRESETS.map((preset) => ({ ...preset })) }),
  };
}
