/**
 * `npm run dist`: packages the built app with electron-builder (config: electron-builder.config.cjs) for the
 * current platform, or the platforms passed through (`npm run dist -- --linux deb`). Installers go to
 * release/. Exits non-zero with one clear sentence when a download it needs is unreachable.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { explainFailure, planDist } from './dist-plan';

const root = resolve(__dirname, '..');

function installedElectronDist(): string | undefined {
  const dir = join(root, 'node_modules', 'electron', 'dist');
  return existsSync(dir) ? dir : undefined;
}

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      output += chunk.toString();
    });
    child.on('error', (error) => done({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

async function main(): Promise<number> {
  if (!existsSync(join(root, 'dist', 'electron-main.cjs'))) {
    console.error(
      'dist: dist/electron-main.cjs is missing; run `npm run build` first (`npm run dist` does both).',
    );
    return 1;
  }
  const plan = planDist(process.argv.slice(2), process.env, installedElectronDist());
  console.log(`dist: electron-builder ${plan.args.join(' ')} (Electron: ${plan.electronSource})`);
  const { code, output } = await run(plan.args);
  if (code === 0) {
    console.log('dist: installers written to release/');
    return 0;
  }
  console.error(
    `\ndist: ${explainFailure(output) ?? `electron-builder exited with code ${code}; the log above says why.`}`,
  );
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
