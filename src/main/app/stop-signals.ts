/**
 * How browser mode ends on Ctrl-C or SIGTERM: it cleans up (sessions written, exports cancelled,
 * workers ended) for at most `deadlineMs`, then ends the process by the signal's own default action.
 * Re-raising the signal, rather than process.exit(), is what makes the end certain: a worker thread
 * blocked inside a system call cannot be terminated, and process.exit() waits for it for ever.
 * A second signal during the clean-up ends the process at once.
 */
export function stopOnSignal(cleanup: () => Promise<void>, deadlineMs = 5_000): void {
  const stop = (signal: NodeJS.Signals): void => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadlineMs);
    });
    void Promise.race([cleanup().catch((error: unknown) => console.error(error)), deadline]).then(() => {
      clearTimeout(timer);
      process.kill(process.pid, signal);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
