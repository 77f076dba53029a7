/** The main-process side of the app, shared by Electron and browser mode: services, handlers and events. */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { EventChannel, Transport } from '../../shared/ipc/contract';
import { startConversion } from '../export/start-conversion';
import { createSessionRegistry } from '../session';
import { sampleDir } from './app-paths';
import { createHandlers, type Handlers } from './ipc/handlers';
import { refusedLibraryRoot } from './library-roots';
import { createPathGuard } from './path-guard';
import { createDeliveryService, type DeliveryService } from './services/delivery-service';
import { createDestinationsService } from './services/destinations-service';
import { createReviewerService } from './services/reviewer-service';
import { createExportService, type ExportService } from './services/export-service';
import { createFindingsService } from './services/findings-service';
import { createJobOutputs } from './services/job-outputs';
import { createImageService } from './services/image-service';
import { createLibraryService, type LibraryService } from './services/library-service';
import { createLibraryWorkers } from './services/library-workers';
import { createSessionService, type SessionService } from './services/session-service';

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export interface AppCore {
  handlers: Handlers;
  library: LibraryService;
  sessions: SessionService;
  exports: ExportService;
  deliveries: DeliveryService;
  subscribe(sink: EventSink): () => void;
  /** flushes every session, cancels running exports; resolves with session save failures */
  shutdown(): Promise<string[]>;
  dispose(): void;
}

export interface CoreOptions {
  transport: Transport;
  version: string;
  /** where session files go: Electron's userData, or defaultDataDir() */
  dataDir: string;
  pickFolder?: () => Promise<string | null>;
  pickOutputFolder?: (defaultPath: string | undefined) => Promise<string | null>;
  reveal?: (path: string) => void;
}

/** The bundled sample's real path (as the library lists opened folders), or as built when it is missing. */
function realSampleDir(): string {
  try {
    return realpathSync(sampleDir());
  } catch {
    return sampleDir();
  }
}

export function createAppCore(options: CoreOptions): AppCore {
  const guard = createPathGuard();
  // Scanning and decoding run on worker threads: the main process only routes messages.
  const workers = createLibraryWorkers();
  const library = createLibraryService({
    guard,
    scanFiles: workers.scanFiles,
    // Browser mode has no folder dialog: the token holder names folders, so system folders are refused.
    ...(options.transport === 'browser' ? { refuseRoot: refusedLibraryRoot } : {}),
  });
  const images = createImageService({ guard, loadFrame: workers.loadFrame });
  const sessions = createSessionService(guard, createSessionRegistry({ dataDir: options.dataDir }));
  // Deliveries use the CLI's destinations.json and engine; the renderer names export jobs, never files.
  const outputs = createJobOutputs();
  const deliveries = createDeliveryService({ outputs });
  const exports = createExportService({ guard, run: startConversion, outputs, deliveries });
  const electron = options.transport === 'electron';
  const handlers = createHandlers({
    info: {
      version: options.version,
      transport: options.transport,
      canPickFolder: electron,
      canDropFolders: electron,
      sampleFolder: realSampleDir(),
      sampleExportsDir: path.join(options.dataDir, 'exports'),
    },
    library,
    images,
    sessions,
    findings: createFindingsService(guard),
    exports,
    destinations: createDestinationsService(),
    reviewer: createReviewerService(),
    deliveries,
    ...(options.pickFolder ? { pickFolder: options.pickFolder } : {}),
    ...(options.pickOutputFolder ? { pickOutputFolder: options.pickOutputFolder } : {}),
    ...(options.reveal ? { reveal: options.reveal } : {}),
  });
  return {
    handlers,
    library,
    sessions,
    exports,
    deliveries,
    subscribe: (sink) => {
      const offScan = library.onProgress((progress) => sink('scan:progress', progress));
      const offExport = exports.onProgress((progress) => sink('export:progress', progress));
      const offDelivery = deliveries.onProgress((event) => sink('delivery:progress', event));
      return () => {
        offScan();
        offExport();
        offDelivery();
      };
    },
    shutdown: async () => {
      exports.dispose();
      deliveries.dispose();
      const failures = await sessions.flushAll();
      await exports.idle();
      await deliveries.idle();
      library.dispose();
      await workers.terminate();
      return failures;
    },
    dispose: () => {
      library.dispose();
      exports.dispose();
      deliveries.dispose();
      void workers.terminate();
    },
  };
}
