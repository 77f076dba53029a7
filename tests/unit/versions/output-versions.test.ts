import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_REVISION } from '../../../src/main/versions/output-revision';
import { VERSIONS_FILE_NAME, outputVersion } from '../../../src/main/versions/output-versions';

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

  it('records which output revision wrote each version', async () => {
    await outputVersion(out, 'aaa', 3, false);
    const registry = JSON.parse(readFileSync(join(out, VERSIONS_FILE_NAME), 'utf8')) as unknown;
    expect(registry).toEqual({ versions: [{ key: 'aaa', findings: 3, revision: OUTPUT_REVISION }] });
  });

  it('says a version came from a build that writes other outputs when that is why it differs', async () => {
    // a folder an earlier build wrote (its registry has no revision: revision 1)
    writeFileSync(join(out, VERSIONS_FILE_NAME), JSON.stringify({ versions: [{ key: 'old', findings: 3 }] }));
    const refused = await outputVersion(out, 'new', 3, false);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.reason).toContain(
      `written by a DICOM Ink whose outputs differ from this one's (output revision 1; this build writes revision ${OUTPUT_REVISION})`,
    );
    expect(refused.reason).toContain('--overwrite');
  });
});
