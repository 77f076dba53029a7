/** Builds every part described in electron.config.ts. `--node-only` skips the renderer (used by tests). */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build as esbuild, type OutputFile } from 'esbuild';
import { nodeEntries, outDir, renderer } from '../electron.config';
import { buildRenderer } from './build-renderer';

/**
 * Puts each bundle in place whole: written beside its name, then renamed over it. A CLI or worker started
 * while a build runs (a second terminal, a test beside the build) reads the old bundle or the new one,
 * never a half-written file.
 */
function writeWhole(files: OutputFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.building`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

async function buildNode(): Promise<void> {
  const present = nodeEntries.filter((e) => existsSync(e.entry));
  const results = await Promise.all(
    present.map((e) =>
      esbuild({
        entryPoints: [e.entry],
        outfile: `${outDir}/${e.out}`,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        packages: 'external',
        external: ['electron'],
        sourcemap: true,
        logLevel: 'warning',
        write: false,
      }),
    ),
  );
  for (const result of results) writeWhole(result.outputFiles);
}

async function buildRendererIfPresent(): Promise<void> {
  if (!existsSync(`${renderer.root}/index.html`)) return;
  await buildRenderer();
}

async function main(): Promise<void> {
  const started = Date.now();
  const nodeOnly = process.argv.includes('--node-only');
  // `npm start` builds first: say what the seconds of silence are for.
  console.log(
    nodeOnly
      ? `Building the command line and the app's Node parts into ${outDir}/ ...`
      : `Building DICOM Ink into ${outDir}/: the command line and the app's Node parts, then its window (a few seconds) ...`,
  );
  await buildNode();
  if (!nodeOnly) await buildRendererIfPresent();
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
