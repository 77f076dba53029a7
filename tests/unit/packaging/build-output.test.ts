/** The renderer build prints nothing: no Vite `configLoader` warning (or any other) on every build. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRenderer } from '../../../scripts/build-renderer';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('renderer build output', () => {
  it('is clean: the build writes the app and prints no warning', async () => {
    const printed: string[] = [];
    const record = (...args: unknown[]): void => void printed.push(args.map(String).join(' '));
    for (const method of ['log', 'warn', 'error', 'info'] as const)
      vi.spyOn(console, method).mockImplementation(record);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (record(chunk), true));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (record(chunk), true));
    vi.stubEnv('NODE_ENV', 'production'); // as under `npm run build` (Vitest sets 'test')
    const out = mkdtempSync(join(tmpdir(), 'dicom-ink-renderer-'));
    try {
      await buildRenderer(out);
      expect(readdirSync(out)).toContain('index.html');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(printed.filter((line) => line.trim() !== '')).toEqual([]);
  });
});
