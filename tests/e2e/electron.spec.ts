/// <reference lib="dom" />
/**
 * The desktop window through Playwright's Electron driver. Runs when an Electron binary exists
 * (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist after a successful download); otherwise the
 * spec is skipped with the reason, as the binary cannot be downloaded on every machine.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import path from 'node:path';
import { locateElectron } from '../../src/main/app/electron-binary';
import type { RawTransport } from '../../src/shared/ipc/contract';
import { CANVAS } from './support/pixels';

const binary = locateElectron();
const SAMPLE = path.resolve('assets/sample');

test.skip(
  !binary.ok,
  `No Electron binary (${binary.ok ? '' : binary.reason}): set ELECTRON_OVERRIDE_DIST_PATH to an Electron 45 dist folder to run the desktop spec.`,
);

test('the Electron window is sandboxed, shows the sample and blocks navigation', async () => {
  if (!binary.ok) return;
  const app = await electron.launch({
    executablePath: binary.path,
    args: [path.resolve('dist/electron-main.cjs'), `--open-folder=${SAMPLE}`],
    env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' },
  });
  try {
    const page = await app.firstWindow();
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(
      page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /24 images/ }),
    ).toBeVisible();
    await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
    await expect(page.getByRole('button', { name: 'Open folder…' })).toBeVisible();

    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (window as Window & { dicomInk?: RawTransport }).dicomInk?.invoke,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function' });

    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => page.url()).toBe(before);
    const escape = await page.evaluate(() =>
      (window as Window & { dicomInk?: RawTransport }).dicomInk?.invoke('image:load', {
        path: '/etc/passwd',
        frame: 0,
      }),
    );
    expect(escape).toEqual({
      ok: false,
      error: 'Refused to read /etc/passwd: it is outside the folders you opened. Open its folder first.',
    });
    await page.screenshot({ path: 'test-results/electron-window.png' });
  } finally {
    await app.close();
  }
});
