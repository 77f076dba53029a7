/**
 * Ends the process by `signal` with its default action (the shell sees 128 + signal number). Used where
 * `process.exit()` would hang: Node waits at exit for every worker thread, and a thread blocked inside a
 * system call never ends. Listeners are removed first, so the default action applies.
 */
export function endBySignal(signal: 'SIGINT' | 'SIGTERM'): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
