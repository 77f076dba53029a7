/**
 * The one IPC contract between the renderer and main (GitHub Desktop's idea: a typed map from channel to
 * request/response). Both transports (Electron IPC and the browser-mode bridge) carry exactly these
 * messages; src/shared/ipc/schemas.ts validates each of them at runtime. This file has no runtime
 * dependency, so the sandboxed preload can import the channel lists.
 */
import type { ImageHeader } from '../dicom/image-header';
import type { WindowPreset } from '../presets';
import type {
  DeliveryEvent,
  DestinationAddRequest,
  DestinationSummary,
  DestinationTestResult,
} from './delivery';
import type { ExportProgress, ExportRequest } from './export';
import type { FindingsImportAnswer, FindingsImportRequest } from './findings';
import type { LibrarySnapshot, ScanProgress } from './library';
import type { LoadedSession, SessionPayload } from './session';

export type Transport = 'electron' | 'browser';

export interface AppInfo {
  version: string;
  transport: Transport;
  /** true when main can show a native folder picker (Electron); browser mode asks for a typed path */
  canPickFolder: boolean;
  /** true when dropped files carry a filesystem path (Electron's webUtils.getPathForFile) */
  canDropFolders: boolean;
  /** the bundled sample study's folder: its exports go to `sampleExportsDir`, not into the app's own files */
  sampleFolder: string;
  /** where the sample's exports go by default: `exports` in DICOM Ink's data folder */
  sampleExportsDir: string;
}

/** Sample type of the frame bytes, per RawFrame: bitsAllocated 1/8 -> uint8, 16 -> uint16, 32 -> uint32. */
export type SampleType = 'uint8' | 'uint16' | 'uint32';

/** A decoded frame as it travels: the RawFrame samples as bytes in host byte order, plus the header. */
export interface LoadedFrame {
  header: ImageHeader;
  photometric: string;
  sampleType: SampleType;
  bytes: Uint8Array;
}

/** What `image:load` answers when its request was cancelled (`image:cancel`) before the frame was decoded. */
export interface ImageLoadCancelled {
  cancelled: true;
}

type Empty = Record<string, never>;

/** Request/response channels (renderer invokes, main answers). */
export interface InvokeContract {
  'app:info': { request: Empty; response: AppInfo };
  'library:pick-folder': { request: Empty; response: { folder: string | null } };
  'library:open': { request: { folder: string }; response: { libraryId: string } };
  'library:cancel': { request: { libraryId: string }; response: { cancelled: boolean } };
  /** removes an opened folder from the library (stopping its scan); false when it was not open */
  'library:close': { request: { libraryId: string }; response: { closed: boolean } };
  'library:snapshot': { request: Empty; response: LibrarySnapshot };
  /**
   * `requestId` (chosen by the renderer, unique per window) makes the load cancellable by `image:cancel`;
   * a cancelled load answers ImageLoadCancelled instead of an error.
   */
  'image:load': {
    request: { path: string; frame: number; requestId?: number };
    response: LoadedFrame | ImageLoadCancelled;
  };
  /** cancels this window's in-flight `image:load` with that id; false when it already ended or never was */
  'image:cancel': { request: { requestId: number }; response: { cancelled: boolean } };
  'presets:list': { request: Empty; response: { presets: WindowPreset[] } };
  /** the saved boxes and settings of an opened folder (empty when none were saved) */
  'session:load': { request: { folder: string }; response: LoadedSession };
  /** schedules a debounced save of an opened folder's session */
  'session:save': { request: { folder: string } & SessionPayload; response: { scheduled: true } };
  /** findings files (boxes of any format, masks) read by the CLI's importers, placed on one opened folder */
  'findings:import': { request: FindingsImportRequest; response: FindingsImportAnswer };
  /** `deliveryId` when the request names a destination (`sendTo`): each output is sent once verified */
  'export:start': { request: ExportRequest; response: { jobId: string; deliveryId?: string } };
  'export:cancel': { request: { jobId: string }; response: { cancelled: boolean } };
  /** native folder dialog for the output folder (Electron); browser mode types the path */
  'export:pick-folder': { request: { defaultPath?: string }; response: { folder: string | null } };
  /** shows the output folder in the system file manager (Electron); false in browser mode */
  'export:reveal': { request: { path: string }; response: { revealed: boolean } };
  /** the named destinations of `destinations.json` (the CLI's `dicom-ink destinations` list), no secrets */
  'destinations:list': { request: Empty; response: { file: string; destinations: DestinationSummary[] } };
  'destinations:add': { request: DestinationAddRequest; response: { destination: DestinationSummary } };
  'destinations:remove': { request: { name: string }; response: { removed: string } };
  /** C-ECHO or a QIDO-RS query to a saved name or a URL; a failed test is an answer, not an error */
  'destinations:test': { request: { to: string }; response: DestinationTestResult };
  /** sends what an export job wrote (kept in main by job id) to a saved name or a URL */
  'delivery:send': { request: { jobId: string; to: string }; response: { deliveryId: string } };
  'delivery:cancel': { request: { deliveryId: string }; response: { cancelled: boolean } };
  /** the app-wide reviewer (DICOM PN) named in Settings, null until one is named */
  'reviewer:get': { request: Empty; response: { reviewer: string | null } };
  /** names the app-wide reviewer (checked as a DICOM person name); answers the name as saved */
  'reviewer:set': { request: { reviewer: string }; response: { reviewer: string } };
}

/** Events main pushes to the renderer. */
export interface EventContract {
  'scan:progress': ScanProgress;
  'export:progress': ExportProgress;
  'delivery:progress': DeliveryEvent;
}

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type RequestOf<C extends InvokeChannel> = InvokeContract[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeContract[C]['response'];

/** Every answer is a value or the reason it failed (errors are values, never thrown across the boundary). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:info',
  'library:pick-folder',
  'library:open',
  'library:cancel',
  'library:close',
  'library:snapshot',
  'image:load',
  'image:cancel',
  'presets:list',
  'session:load',
  'session:save',
  'findings:import',
  'export:start',
  'export:cancel',
  'export:pick-folder',
  'export:reveal',
  'destinations:list',
  'destinations:add',
  'destinations:remove',
  'destinations:test',
  'delivery:send',
  'delivery:cancel',
  'reviewer:get',
  'reviewer:set',
];

export const EVENT_CHANNELS: readonly EventChannel[] = [
  'scan:progress',
  'export:progress',
  'delivery:progress',
];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

/**
 * What the preload exposes as `window.dicomInk` and what the browser bridge client implements: raw,
 * untyped transport. src/renderer/lib/api.ts validates and types everything on top of it.
 */
export interface RawTransport {
  invoke(channel: InvokeChannel, request: unknown): Promise<unknown>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
  /** Filesystem path of a dropped File (Electron only) */
  pathForFile?(file: unknown): string;
}

/** Name of the global the preload defines. */
export const BRIDGE_GLOBAL = 'dicomInk';
