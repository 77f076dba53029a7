/** The main-process side of the app, shared by Electron and browser mode: services, handlers and events. */
import type { EventChannel, Transport } from '../../shared/ipc/contract';
import { createHandlers, type Handlers } from './ipc/handlers';
import { createPathGuard } from './path-guard';
import { listFilesOnDisk, readHeaderFromDisk, readImageFromDisk } from './services/dicom-adapters';
import { createImageService } from './services/image-service';
import { createLibraryService, type LibraryService } from './services/library-service';

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export interface AppCore {
  handlers: Handlers;
  library: LibraryService;
  subscribe(sink: EventSink): () => void;
  dispose(): void;
}

export interface CoreOptions {
  transport: Transport;
  version: string;
  pickFolder?: () => Promise<string | null>;
}

export function createAppCore(options: CoreOptions): AppCore {
  const guard = createPathGuard();
  const library = createLibraryService({ guard, listFiles: listFilesOnDisk, readHeader: readHeaderFromDisk });
  const images = createImageService({ guard, openImage: readImageFromDisk });
  const electron = options.transport === 'electron';
  const handlers = createHandlers({
    info: {
      version: options.version,
      transport: options.transport,
      canPickFolder: electron,
      canDropFolders: electron,
    },
    library,
    images,
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
  });
  return {
    handlers,
    library,
    subscribe: (sink) => library.onProgress((progress) => sink('scan:progress', progress)),
    dispose: () => library.dispose(),
  };
}
