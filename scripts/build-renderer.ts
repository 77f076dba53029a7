/** Vite build of the renderer, with the configuration of vite.renderer.config.ts. */
import type { InlineConfig } from 'vite';
import rendererConfig from '../vite.renderer.config';

/**
 * Builds the renderer into `outDir` (the config's own folder by default). The config is imported here
 * (tsx compiles it) and passed inline rather than loaded by Vite from its file: Vite's config loader
 * warns on every build that a TypeScript ESM config in a CommonJS package is unsupported by its
 * coming native loader.
 */
export async function buildRenderer(outDir?: string): Promise<void> {
  const { build } = await import('vite');
  const config: InlineConfig = { ...rendererConfig, configFile: false, logLevel: 'warn' };
  if (outDir !== undefined) config.build = { ...config.build, outDir };
  await build(config);
}
