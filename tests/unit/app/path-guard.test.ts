import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard, isInside } from '../../../src/main/app/path-guard';

const base = mkdtempSync(path.join(tmpdir(), 'dicom-ink-guard-'));
const study = path.join(base, 'study');
const sibling = path.join(base, 'study-evil');
mkdirSync(path.join(study, 'series'), { recursive: true });
mkdirSync(sibling);
writeFileSync(path.join(study, 'series', 'IM1'), 'x');
writeFileSync(path.join(sibling, 'secret'), 'x');
symlinkSync(path.join(sibling, 'secret'), path.join(study, 'link-out'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('path guard', () => {
  it('decides containment with path.relative, so a sibling sharing the prefix is outside', () => {
    expect(isInside('/data/study', '/data/study/a/b')).toBe(true);
    expect(isInside('/data/study', '/data/study')).toBe(true);
    expect(isInside('/data/study', '/data/study-evil/x')).toBe(false);
    expect(isInside('/data/study', '/data')).toBe(false);
  });

  it('allows files inside an opened folder and refuses everything else with the same reason', async () => {
    const guard = createPathGuard();
    expect((await guard.allow(study)).ok).toBe(true);
    const inside = await guard.check(path.join(study, 'series', 'IM1'));
    expect(inside.ok).toBe(true);
    for (const outside of [
      path.join(study, '..', '..', 'etc', 'passwd'),
      '../../etc/passwd',
      '/etc/passwd',
      path.join(sibling, 'secret'),
      path.join(base, 'does-not-exist'),
    ]) {
      const refused = await guard.check(outside);
      expect(refused).toEqual({
        ok: false,
        error: `Refused to read ${outside}: it is outside the folders you opened. Open its folder first.`,
      });
    }
  });

  it('follows symlinks before deciding, so a link inside the folder cannot lead outside it', async () => {
    const guard = createPathGuard();
    await guard.allow(study);
    const viaLink = await guard.check(path.join(study, 'link-out'));
    expect(viaLink.ok).toBe(false);
  });

  it('refuses to open a folder that does not exist, naming it', async () => {
    const opened = await createPathGuard().allow(path.join(base, 'missing'));
    expect(opened.ok ? '' : opened.error).toMatch(
      /^Cannot open .*missing: it does not exist or cannot be read \(ENOENT\)\.$/,
    );
  });
});
