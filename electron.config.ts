/**
 * One build description for every part of DICOM Ink (read by scripts/build.ts).
 * Node parts (CLI, worker, Electron main, preload, bench) are bundled by esbuild into dist/*.cjs;
 * the renderer is built by Vite into dist/renderer. Dependencies stay external: dcmjs-codecs finds its
 * .wasm beside its own JS, so it must be loaded from node_modules, not from a bundle.
 */
export interface NodeEntry {
  /** source file */
  entry: string;
  /** output file name inside dist/ */
  out: string;
  /** 'electron' entries may import electron */
  platform: 'node' | 'electron';
}

export const outDir = 'dist';

export const nodeEntries: NodeEntry[] = [
  { entry: 'src/main/cli/main.ts', out: 'cli.cjs', platform: 'node' },
  { entry: 'src/main/export/convert.worker.ts', out: 'convert.worker.cjs', platform: 'node' },
  { entry: 'src/main/app/services/library.worker.ts', out: 'library.worker.cjs', platform: 'node' },
  { entry: 'src/main/app/electron-main.ts', out: 'electron-main.cjs', platform: 'electron' },
  { entry: 'src/preload/index.ts', out: 'preload.cjs', platform: 'electron' },
  { entry: 'bench/convert-bench.ts', out: 'bench.cjs', platform: 'node' },
  { entry: 'bench/multiframe-bench.ts', out: 'bench-multiframe.cjs', platform: 'node' },
  { entry: 'bench/app-bench.ts', out: 'bench-app.cjs', platform: 'node' },
];

export const renderer = {
  root: 'src/renderer',
  outDir: 'dist/renderer',
};
