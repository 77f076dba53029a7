import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsReason, writeAtomically, type OutputSink } from '../../../src/main/convert/write-output';

/** A producer that writes `chunks` one after the other, as the converter writes header and frames. */
const chunks =
  (...parts: number[][]) =>
  (sink: OutputSink): void =>
    parts.forEach((part) => sink.write(Uint8Array.from(part)));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('creates missing folders and leaves only the final file', () => {
    const target = join(dir, 'a', 'b', 'out.dcm');
    expect(writeAtomically(target, chunks([1], [2, 3]), { overwrite: false })).toEqual({ ok: true });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.dcm']);
  });

  it('writes small pieces staged and large ones at once, in order, whatever their sizes', () => {
    const target = join(dir, 'mixed.dcm');
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    const reused = new Uint8Array(70_000);
    const produce = (sink: OutputSink): void => {
      sink.write(Uint8Array.of(1, 2, 3));
      sink.write(big);
      // a buffer the producer overwrites after each write (as frames are rendered into one buffer)
      for (const fill of [7, 8]) sink.write(reused.fill(fill));
      sink.write(Uint8Array.of(9));
    };
    expect(writeAtomically(target, produce, { overwrite: false })).toEqual({ ok: true });
    const expected = Buffer.concat([
      Uint8Array.of(1, 2, 3),
      big,
      new Uint8Array(70_000).fill(7),
      new Uint8Array(70_000).fill(8),
      Uint8Array.of(9),
    ]);
    expect(Buffer.compare(readFileSync(target), expected)).toBe(0);
  });

  it('keeps an existing file without --overwrite and replaces it with', () => {
    const target = join(dir, 'out.dcm');
    writeFileSync(target, 'old');
    expect(writeAtomically(target, chunks([9]), { overwrite: false })).toEqual({
      ok: false,
      exists: true,
      reason: existsReason,
    });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(writeAtomically(target, chunks([9]), { overwrite: true })).toEqual({ ok: true });
    expect([...readFileSync(target)]).toEqual([9]);
    expect(readdirSync(dir)).toEqual(['out.dcm']);
  });

  it('verifies the bytes read back from disk and publishes nothing when they are wrong', () => {
    const target = join(dir, 'out.dcm');
    let seen: number[] = [];
    const result = writeAtomically(target, chunks([4], [5]), {
      overwrite: false,
      verify: (file) => {
        seen = [...file.readUpTo(0, file.size)];
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
    const result = writeAtomically(join(dir, 'file', 'out.dcm'), chunks([1]), { overwrite: false });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/^could not write the output \((EEXIST|ENOTDIR)/);
  });

  it('removes the temporary file and passes on an error of the producer (a frame that cannot be made)', () => {
    const target = join(dir, 'out.dcm');
    const failing = (sink: OutputSink): void => {
      sink.write(Uint8Array.of(1, 2));
      throw new Error('frame 2 needs 8 bytes, 3 present: the file is truncated');
    };
    expect(() => writeAtomically(target, failing, { overwrite: false })).toThrow(/frame 2 needs 8 bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
