/**
 * The app's findings:import (issue 20, point 3): the 1 MB .nii.gz that inflates to 1 GiB, sent as the
 * renderer sends a chosen file, is refused from its header by the service in main, without the main
 * process ballooning (it went to 7 GB before); a SEG claiming 10^7 frames is refused the same way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFindingsService } from '../../../src/main/app/services/findings-service';
import { createPathGuard } from '../../../src/main/app/path-guard';
import { niftiGzipBomb, writeSegBomb } from '../../helpers/finding-bombs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-import-bombs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How far the process's peak resident memory rose while `work` ran, in MB. */
async function peakRise(work: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  await work();
  return (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20;
}

async function importOne(name: string, bytes: Uint8Array) {
  const guard = createPathGuard();
  expect((await guard.allow(dir)).ok).toBe(true);
  const service = createFindingsService(guard);
  const answer = await service.import({ folder: dir, kind: 'files', files: [{ name, bytes }] });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value.sources[0];
}

describe('findings:import refuses finding bombs in bounded memory', () => {
  it('a .nii.gz whose header declares 1 GiB of voxels: refused from its header, main rises under 100 MB', async () => {
    const bomb = niftiGzipBomb([1024, 1024, 1024], 1024 ** 3);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    let source: Awaited<ReturnType<typeof importOne>> | undefined;
    const rise = await peakRise(async () => {
      source = await importOne('mask.nii.gz', bomb);
    });
    console.log(`findings:import of the NIfTI bomb: peak RSS rose ${rise.toFixed(0)} MB`);
    expect(source?.refused).toMatch(
      /^mask\.nii\.gz: its header declares 1073741824 voxels .* over the 512 MiB/,
    );
    expect(source?.findings).toEqual([]);
    expect(rise).toBeLessThan(100);
  });

  it('a SEG claiming 10,000,000 frames: refused from its counts', async () => {
    const path = join(dir, 'seg-source.dcm');
    writeSegBomb(path, 10_000_000);
    const source = await importOne('seg.dcm', readFileSync(path));
    expect(source?.refused).toMatch(/^seg\.dcm: it claims 10000000 frames/);
  });
});
