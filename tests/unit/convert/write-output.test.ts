import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsReason, writeAtomically } from '../../../src/main/convert/write-output';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('creates missing folders and leaves only the final file', () => {
    const target = join(dir, 'a', 'b', 'out.dcm');
    expect(writeAtomically(target, new Uint8Array([1, 2, 3]), { overwrite: false })).toEqual({ ok: true });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.dcm']);
  });

  it('keeps an existing file without --overwrite and replaces it with', () => {
    const target = join(dir, 'out.dcm');
    writeFileSync(target, 'old');
    expect(writeAtomically(target, new Uint8Array([9]), { overwrite: false })).toEqual({
      ok: false,
      exists: true,
      reason: existsReason,
    });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(writeAtomically(target, new Uint8Array([9]), { overwrite: true })).toEqual({ ok: true });
    expect([...readFileSync(target)]).toEqual([9]);
    expect(readdirSync(dir)).toEqual(['out.dcm']);
  });

  it('verifies the bytes read back from disk and publishes nothing when they are wrong', () => {
    const target = join(dir, 'out.dcm');
    let seen: number[] = [];
    const result = writeAtomically(target, new Uint8Array([4, 5]), {
      overwrite: false,
      verify: (bytes) => {
        seen = [...bytes];
        return { ok: false, reason: 'pixel 0 differs' };
      },
    });
    expect(seen).toEqual([4, 5]);
    expect(result).toEqual({
      ok: false,
      reason: 'the written file did not read back as intended: pixel 0 differs',
    });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports an unwritable destination as a reason instead of throwing', () => {
    writeFileSync(join(dir, 'file'), 'x');
    const result = writeAtomically(join(dir, 'file', 'out.dcm'), new Uint8Array([1]), { overwrite: false });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^could not write the output \((EEXIST|ENOTDIR)/);
  });
});
