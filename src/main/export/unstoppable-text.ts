import type { UnstoppableThread } from './worker-pool';

/**
 * Why a file's converter thread is still there after the job ended, for the CLI summary and the app's
 * export result: the thread waits inside a system call, which no thread can be interrupted in.
 */
export function unstoppableReason(thread: UnstoppableThread): string {
  return (
    `its converter thread (thread ${thread.threadId}) is blocked inside a system call (for example a read ` +
    'from storage that stopped answering) and could not be stopped; it ends only when that call returns. ' +
    'Check the storage the file is on'
  );
}
