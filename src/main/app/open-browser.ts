/**
 * Opening the browser-mode URL in the user's browser, or saying plainly why none could be opened (no
 * display, no opener, the opener failed) and printing the URL again, so it is the last thing on screen.
 */
import { spawn } from 'node:child_process';

export type OpenPlan = { ok: true; command: string } | { ok: false; reason: string };

/** Which opener to run on this platform, or why none can work (a Linux session without a display). */
export function browserOpener(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): OpenPlan {
  if (platform === 'darwin') return { ok: true, command: 'open' };
  if (platform === 'win32') return { ok: true, command: 'explorer' };
  const display = (env['DISPLAY'] ?? '') !== '' || (env['WAYLAND_DISPLAY'] ?? '') !== '';
  if (!display)
    return { ok: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { ok: true, command: 'xdg-open' };
}

/** The lines printed when no browser could be opened: the reason, then the URL again. */
export function noBrowserLines(reason: string, url: string): string[] {
  return [`No browser could be opened: ${reason}.`, `Open ${url} in a browser on this machine.`];
}

export function openInBrowser(url: string, log: (line: string) => void = console.log): void {
  const plan = browserOpener(process.platform, process.env);
  if (!plan.ok) {
    noBrowserLines(plan.reason, url).forEach((line) => log(line));
    return;
  }
  const child = spawn(plan.command, [url], { stdio: 'ignore', detached: true });
  child.on('error', (error) =>
    noBrowserLines(`${plan.command} could not run (${error.message})`, url).forEach((line) => log(line)),
  );
  child.on('exit', (code) => {
    if (code !== 0 && code !== null)
      noBrowserLines(`${plan.command} ended with exit code ${code}`, url).forEach((line) => log(line));
  });
  child.unref();
}
