import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputVersion } from '../../../src/main/versions/output-versions';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'dicom-ink-output-versions-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('versions in an output folder', () => {
  it('numbers the first version 1 and keeps its number on a rerun', async () => {
    expect(await outputVersion(out, 'aaa', 3, false)).toEqual({
      ok: true,
      version: { key: 'aaa', ordinal: 1, findings: 3 },
    });
    expect(await outputVersion(out, 'aaa', 3, false)).toMatchObject({ ok: true, version: { ordinal: 1 } });
  });

  it('refuses another version in the same folder without --overwrite, saying what to do', async () => {
    await outputVersion(out, 'aaa', 3, false);
    const refused = await outputVersion(out, 'bbb', 4, false);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.reason).toContain('holds version v1 AAA, 3 findings');
    expect(refused.reason).toContain('version v2 BBB, 4 findings');
    expect(refused.reason).toContain('--overwrite');
  });

  it('numbers a version written over the earlier one (--overwrite) after it', async () => {
    await outputVersion(out, 'aaa', 3, false);
    expect(await outputVersion(out, 'bbb', 4, true)).toMatchObject({ ok: true, version: { ordinal: 2 } });
    // every shard writing into the same folder gets the same number
    expect(await outputVersion(out, 'bbb', 4, true)).toMatchObject({ ok: true, version: { ordinal: 2 } });
    expect(await outputVersion(out, 'ccc', 4, true)).toMatchObject({ ok: true, version: { ordinal: 3 } });
  });
});
