/** Vite build of the renderer (src/renderer -> dist/renderer), run by scripts/build.ts. */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { renderer } from './electron.config';

export default defineConfig({
  root: path.resolve(__dirname, renderer.root),
  // Relative URLs: the same files load from file:// in Electron and from the loopback bridge.
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(__dirname, renderer.outDir),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline <script> or data: modules: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The label font's Unifont glyph table (src/shared/boxes/unifont-glyphs.generated.ts, about 690 kB of
    // source) is one module the viewer needs before it draws a label: the bundle is about 1.1 MB, loaded
    // from disk or loopback, never a network. Warn only past that.
    chunkSizeWarningLimit: 1600,
  },
});
