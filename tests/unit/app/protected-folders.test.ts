/**
 * Folders DICOM Ink never writes into and browser mode never opens as a library (issue 15): system
 * folders (/etc, /root, /var, /opt, ...) and the home folder's hidden folders, checked on real paths.
 * Nothing here writes outside a temporary folder: refusals happen before anything is created.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app/app-core';
import { refusedLibraryRoot } from '../../../src/main/app/library-roots';
import { resolveOutputDir } from '../../../src/main/app/output-dir';
import { planInputs } from '../../../src/main/convert/plan-inputs';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-protected-'));
const home = path.join(work, 'home');
mkdirSync(path.join(home, '.ssh'), { recursive: true });
mkdirSync(path.join(home, 'studies', 'case-1'), { recursive: true });
symlinkSync(path.join(home, '.ssh'), path.join(home, 'studies', 'keys'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const linux = { platform: 'linux' as const, env: {}, home };

describe('output roots', () => {
  it.each(['/etc/dicom', '/root/out', '/var/lib/out', '/opt/out', '/usr/local/out', '/boot/x'])(
    '%s is refused as a system folder',
    async (folder) => {
      const refused = await resolveOutputDir(folder, 'linux', {}, home);
      expect(refused.ok ? '' : refused.error).toMatch(
        /is inside the system folder \/\w+: choose a folder of your own/,
      );
    },
  );

  it('a hidden folder of the home folder is refused, also when reached through a link', async () => {
    const direct = await resolveOutputDir(path.join(home, '.ssh', 'out'), 'linux', {}, home);
    expect(direct.ok ? '' : direct.error).toContain(
      `inside the hidden settings folder ${path.join(home, '.ssh')}`,
    );
    const viaLink = await resolveOutputDir(path.join(home, 'studies', 'keys', 'out'), 'linux', {}, home);
    expect(viaLink.ok).toBe(false);
  });

  it('the user own folders, temporary folders and /var/tmp are accepted', async () => {
    for (const folder of [
      path.join(home, 'studies', 'out'),
      path.join(work, 'out'),
      '/var/tmp/dicom-ink-out',
    ]) {
      expect((await resolveOutputDir(folder, 'linux', {}, home)).ok).toBe(true);
    }
  });

  it('the CLI refuses the same --out folders before writing anything', async () => {
    const input = path.join(home, 'studies', 'case-1');
    const refused = await planInputs([input], path.join(home, '.ssh', 'burned'), linux);
    expect(refused).toEqual({
      ok: false,
      reason: `--out ${path.join(home, '.ssh', 'burned')} is inside the hidden settings folder ${path.join(home, '.ssh')}: choose a folder of your own.`,
    });
    expect((await planInputs([input], '/etc/burned', linux)).ok).toBe(false);
    expect((await planInputs([input], path.join(home, 'burned'), linux)).ok).toBe(true);
  });
});

describe('library roots in browser mode', () => {
  it('refuses system folders, the disk root and hidden settings folders, and accepts study folders', async () => {
    expect(await refusedLibraryRoot('/etc', linux)).toMatch(
      /inside the system folder \/etc, which browser mode never opens/,
    );
    expect(await refusedLibraryRoot('/', linux)).toMatch(/root of a disk/);
    expect(await refusedLibraryRoot(path.join(home, 'studies', 'keys'), linux)).toMatch(
      /hidden settings folder/,
    );
    expect(await refusedLibraryRoot(path.join(home, 'studies', 'case-1'), linux)).toBeUndefined();
  });

  it('library:open of /etc fails in browser mode and scans nothing', async () => {
    const core = createAppCore({ transport: 'browser', version: 'test', dataDir: path.join(work, 'data') });
    try {
      const opened = await core.handlers['library:open']({ folder: '/etc' }, 'test-window');
      expect(opened.ok ? '' : opened.error).toMatch(
        /Refused to open \/etc: it is inside the system folder \/etc/,
      );
      expect(core.library.snapshot().scans).toEqual([]);
    } finally {
      core.dispose();
    }
  });
});
