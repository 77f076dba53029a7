import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFolderProblem } from '../../../src/main/export/preflight';

const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the write check of --out', () => {
  it('creates the folder and leaves nothing of its own in it', () => {
    const out = join(dir, 'new', 'out');
    expect(outputFolderProblem(out)).toBeUndefined();
    expect(readdirSync(out)).toEqual([]);
  });

  it('removes the probes that killed runs left (a rerun ends with the folder a clean run makes)', () => {
    const out = join(dir, 'rerun');
    expect(outputFolderProblem(out)).toBeUndefined();
    writeFileSync(join(out, '.dicom-ink-write-check-1'), '');
    writeFileSync(join(out, '.dicom-ink-write-check-1-0a1b2c3d4e5f'), '');
    writeFileSync(join(out, 'IM0001'), 'an output');
    expect(outputFolderProblem(out)).toBeUndefined();
    expect(readdirSync(out)).toEqual(['IM0001']);
  });

  it('is not stopped by a probe another run holds under the same pid (containers are all pid 1)', () => {
    const out = join(dir, 'shared');
    expect(outputFolderProblem(out)).toBeUndefined();
    writeFileSync(join(out, `.dicom-ink-write-check-${process.pid}`), '');
    expect(outputFolderProblem(out)).toBeUndefined();
  });

  it('names the folder and the cause when a file is in the way', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    expect(outputFolderProblem(join(blocker, 'out'))).toBe(
      `cannot write to the output folder ${join(blocker, 'out')} (a file is in the way of the folder); nothing was converted. Choose another --out or make it writable`,
    );
  });
});
