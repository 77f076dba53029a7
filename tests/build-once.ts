/** Vitest global setup: the CLI and worker tests run the bundled dist/*.cjs, so bundle the Node parts first. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--node-only'], {
    stdio: 'inherit',
  });
}
