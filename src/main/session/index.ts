/** Sessions: boxes and settings per opened folder, saved as the user works, restored on reopen. */
export { defaultDataDir, sessionPathFor } from './data-dir';
export { writeFileAtomic } from './atomic-write';
export {
  defaultSettings,
  emptySession,
  sessionSchemaVersion,
  type SessionData,
  type SessionSettings,
} from './session-file';
export {
  defaultDebounceMs,
  openSessionStore,
  realScheduler,
  type OpenedStore,
  type SaveResult,
  type Scheduler,
  type SessionLoad,
  type SessionStore,
  type SessionStoreOptions,
} from './session-store';
export { createSessionRegistry, type SessionRegistry } from './session-registry';
