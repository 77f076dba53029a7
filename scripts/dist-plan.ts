/**
 * Pure parts of `npm run dist` (scripts/dist.ts): which electron-builder arguments to run, and what a
 * failure means for the person who ran it.
 */

export interface DistPlan {
  args: string[];
  /** where the Electron binary comes from, for the log line */
  electronSource: string;
}

/**
 * electron-builder arguments: our config, never publish, the user's flags passed through (`--linux`,
 * `--x64`, `--dir`, ...), and a local Electron when one is given (ELECTRON_DIST, or the `dist/` that the
 * electron package's own install step downloads), so packaging can work offline. Without a platform flag
 * electron-builder packages for the current platform.
 */
export function planDist(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  installedElectronDist: string | undefined,
): DistPlan {
  const args = ['--config', 'electron-builder.config.cjs', '--publish', 'never', ...argv];
  const local = env.ELECTRON_DIST ?? installedElectronDist;
  if (local !== undefined && local !== '') {
    args.push(`--config.electronDist=${local}`);
    return { args, electronSource: `local Electron at ${local}` };
  }
  const cache = env.ELECTRON_CACHE;
  return {
    args,
    electronSource: cache
      ? `download, or the cache in ${cache}`
      : 'download (github.com/electron/electron releases)',
  };
}

const networkError =
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|dial tcp|no such host|unable to download|cannot download/i;

/**
 * One sentence that says why packaging failed, when the cause is a download; undefined otherwise (the
 * electron-builder log above it then says what went wrong). electron-builder fetches Electron while
 * "packaging" and the target tools (AppImage, fpm for deb, NSIS) later, while "building target=...".
 */
export function explainFailure(output: string): string | undefined {
  if (!networkError.test(output)) return undefined;
  const failedAt = output.search(networkError);
  const before = output.slice(0, failedAt);
  const building = /building\s+target=(\S+)/g;
  let target: string | undefined;
  for (let m = building.exec(before); m !== null; m = building.exec(before)) target = m[1];
  if (target !== undefined) {
    return `Packaging stopped because a tool electron-builder needs for the ${target} target could not be downloaded: run \`npm run dist\` with network access, or with ELECTRON_BUILDER_CACHE pointing at a cache that already holds it.`;
  }
  return 'Packaging stopped because the Electron binary could not be downloaded: run `npm run dist` with network access, or set ELECTRON_CACHE to a folder holding the Electron zip or ELECTRON_DIST to an unpacked local Electron.';
}
