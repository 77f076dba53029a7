/**
 * `pack` on hostile names and after kills (issue 20, point 9): a file named `..\..\evil.dcm` is one
 * failed instance, not a crash; an existing ZIP is kept unless --overwrite; temporaries of killed runs
 * (`.NAME.partial-PID` of a process that no longer runs) are removed by the next run.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-harness';
import { SLICES, convertSample } from '../helpers/delivery-fixture';

let dir: string;
let folder: string;

/** The id of a process that has ended: no process runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-pack-safety-'));
  const files = convertSample(join(dir, 'out'));
  folder = join(dir, 'out');
  copyFileSync(files[0] ?? '', join(folder, '..\\..\\evil.dcm'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pack --zip', () => {
  it('a file named ..\\..\\evil.dcm fails alone, named; the ZIP holds the rest and no temporary is left', () => {
    const zip = join(dir, 'a.zip');
    const run = runCli(['pack', folder, '--zip', zip]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${SLICES} files written to ZIP ${zip}`);
    expect(run.stdout).toMatch(
      /evil\.dcm: cannot be stored in a ZIP under the name "\.\.\\\\\.\.\\\\evil\.dcm" \(invalid relative path/,
    );
    expect(run.stderr).not.toMatch(/Error:|at /);
    expect(existsSync(zip)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
  });

  it('an existing ZIP is kept unless --overwrite', () => {
    const zip = join(dir, 'kept.zip');
    writeFileSync(zip, 'precious');
    const refused = runCli(['pack', folder, '--zip', zip]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${zip} already exists: choose another name, or add --overwrite to replace it`,
    );
    expect(readFileSync(zip, 'utf8')).toBe('precious');
    const replaced = runCli(['pack', folder, '--zip', zip, '--overwrite']);
    expect(replaced.stdout).toContain(`${SLICES} files written to ZIP ${zip}`);
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('temporaries of killed runs', () => {
  it('pack --dicomdir and --zip remove .NAME.partial-PID of dead processes, and keep a live one', () => {
    const dead = deadPid();
    const staleMedia = join(dir, `.cd.partial-${dead}`);
    mkdirSync(join(staleMedia, 'DICOM'), { recursive: true });
    writeFileSync(join(staleMedia, 'DICOM', 'IM000001'), Buffer.alloc(1024));
    const live = join(dir, `.cd.partial-${process.pid}`);
    mkdirSync(live);
    const staleZip = join(dir, `.b.zip.partial-${dead}`);
    writeFileSync(staleZip, '');
    // The packed folder must not hold the media folder, so pack the outputs' series folder.
    const media = runCli(['pack', join(folder, 'abdomen-ct'), '--dicomdir', join(dir, 'cd')]);
    expect(media.code, media.stderr).toBe(0);
    expect(existsSync(staleMedia)).toBe(false);
    expect(existsSync(live)).toBe(true);
    const zip = runCli(['pack', join(folder, 'abdomen-ct'), '--zip', join(dir, 'b.zip')]);
    expect(zip.code, zip.stderr).toBe(0);
    expect(existsSync(staleZip)).toBe(false);
  });
});
