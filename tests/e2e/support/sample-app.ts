/**
 * The bundled sample study copied into a fresh folder and the app (browser mode) open on it for the tests
 * of one spec file, its sessions kept in that folder; stopped and removed after them. Call it at the top
 * level of a spec: it registers the hooks there, so a spec's own beforeAll runs once the app is up.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchApp, type RunningApp } from './launch-app';
import { CANVAS } from './pixels';

export interface SampleStudyApp {
  /** the spec's own folder: the study copy, the app's data, anything else the spec writes */
  readonly work: string;
  /** the copy of assets/sample/abdomen-ct the app has open */
  readonly study: string;
  /** the running app (from the first beforeAll on) */
  readonly app: RunningApp;
  /** loads the app in `page` and waits for its first drawn image */
  open(page: Page): Promise<void>;
}

export function sampleStudyApp(name: string): SampleStudyApp {
  const work = mkdtempSync(path.join(tmpdir(), `dicom-ink-${name}-e2e-`));
  const study = path.join(work, 'study');
  let running: RunningApp | undefined;
  test.beforeAll(async () => {
    cpSync(path.resolve('assets/sample/abdomen-ct'), study, { recursive: true });
    running = await launchApp([study], 30_000, {
      ...process.env,
      XDG_DATA_HOME: path.join(work, 'data'),
      // app-wide settings (the reviewer, destinations) of this spec only, never the user's
      DICOM_INK_CONFIG_DIR: path.join(work, 'config'),
    });
  });
  test.afterAll(async () => {
    await running?.stop();
    rmSync(work, { recursive: true, force: true });
  });
  const app = (): RunningApp => {
    if (!running) throw new Error('the sample app starts in beforeAll');
    return running;
  };
  return {
    work,
    study,
    get app() {
      return app();
    },
    async open(page) {
      await page.goto(app().url);
      await expect(page.locator(CANVAS)).toHaveAttribute('data-draw-count', /^[1-9]/);
    },
  };
}
