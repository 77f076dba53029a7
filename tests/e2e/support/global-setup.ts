/** Builds every part (CLI, Electron main, preload, renderer) once, and makes the bundled sample if absent. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tsx = 'node_modules/tsx/dist/cli.mjs';

export default function globalSetup(): void {
  execFileSync(process.execPath, [tsx, 'scripts/build.ts'], { stdio: 'inherit' });
  if (!existsSync('assets/sample') && existsSync('scripts/make-sample.ts')) {
    execFileSync(process.execPath, [tsx, 'scripts/make-sample.ts'], { stdio: 'inherit' });
  }
}
