/**
 * Hostile finding files through the built CLI (issue 20, points 3 to 6 and the terminal part of 9), each
 * made here: every bomb is refused within seconds and under 300 MB of peak resident memory (GNU time
 * measures the CLI process) with nothing written to --out; a FIFO or a device is never opened, wherever
 * it is, and the run never hangs (`timeout` ends a hung run, which then fails the test); long lists of
 * messages are summarised; text from a box file never reaches the terminal raw.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, REPO } from '../../helpers/cli-harness';
import { measuredCli, mkfifo, niftiGzipBomb, writeSegBomb } from '../../helpers/finding-bombs';
import { FINDING_FILE_LIMITS } from '../../../src/main/findings/finding-file';
import { VERSIONS_FILE_NAME } from '../../../src/main/versions/output-versions';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
const SAMPLE = join(REPO, 'assets', 'sample');
const GiB = 1024 ** 3;
/** A refusal must come this fast (seconds, on a loaded 2-core machine) and stay under this peak (MB). */
const FAST = 15;
const SMALL = 300;

let dir: string;
let study: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-bombs-'));
  study = join(dir, 'study');
  copyCorpus(CT, join(study, 'series1', 'IM0001'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The outputs under --out (none when it was never made), not its version registry. */
function written(out: string): string[] {
  try {
    return readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== VERSIONS_FILE_NAME)
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** A convert run on the one-slice study; returns the run and what it wrote. */
function convert(name: string, ...findings: string[]) {
  const out = join(dir, `out-${name}`);
  const run = measuredCli(['convert', study, '--out', out, '--quiet', ...findings]);
  return { run, files: written(out) };
}

function expectRefusedFast(result: ReturnType<typeof convert>, reason: RegExp): void {
  const { run, files } = result;
  console.log(
    `${reason.source}: exit ${run.code}, ${run.seconds.toFixed(1)} s, peak ${run.peakMb.toFixed(0)} MB`,
  );
  expect(run.stderr).toMatch(reason);
  expect(run.code).toBe(2);
  expect(run.seconds).toBeLessThan(FAST);
  expect(run.peakMb).toBeLessThan(SMALL);
  expect(files).toEqual([]);
}

describe('NIfTI: inflated no further than the header declares (point 3)', () => {
  it('a 1 MB .nii.gz whose header declares 1 GiB of voxels (and that inflates to 1 GiB) is refused at once', () => {
    const bomb = join(dir, 'bomb.nii.gz');
    writeFileSync(bomb, niftiGzipBomb([1024, 1024, 1024], GiB));
    const result = convert('nifti', '--masks', bomb);
    expectRefusedFast(result, /bomb\.nii\.gz: its header declares 1073741824 voxels .* over the 512 MiB/);
  });

  it('a small header followed by 1 GiB of zeros costs only what the header declares', () => {
    const bomb = join(dir, 'small-header.nii.gz');
    writeFileSync(bomb, niftiGzipBomb([16, 16, 16], GiB));
    // 16 x 16 x 16 voxels read; that volume fits no series of the study, so it is refused for that.
    expectRefusedFast(convert('nifti-small', '--masks', bomb), /small-header\.nii\.gz/);
  });
});

describe('SEG: counts are checked against the bytes present (point 4)', () => {
  it('a SEG of a few hundred bytes claiming 10,000,000 frames is refused at once', () => {
    const seg = join(dir, 'bomb-seg.dcm');
    writeSegBomb(seg, 10_000_000);
    expectRefusedFast(
      convert('seg', '--masks', seg),
      /bomb-seg\.dcm: it claims 10000000 frames of 16x16 BINARY \(1-bit\) pixels, 320000000 bytes of Pixel Data, but holds 32/,
    );
  });
});

describe('FIFOs and devices are never opened as findings (point 5)', () => {
  it('--boxes naming a FIFO is refused, without waiting for a writer', () => {
    const fifo = mkfifo(join(dir, 'boxes.csv'));
    expectRefusedFast(
      convert('fifo', '--boxes', fifo),
      /boxes\.csv: it is a named pipe \(FIFO\), not a regular file/,
    );
  });

  it('--boxes /dev/zero and --masks /dev/urandom are refused at once as devices', () => {
    expectRefusedFast(
      convert('zero', '--boxes', '/dev/zero'),
      /\/dev\/zero: it is a device, not a regular file/,
    );
    expectRefusedFast(
      convert('urandom', '--masks', '/dev/urandom'),
      /\/dev\/urandom: it is a device, not a regular file/,
    );
  });

  it('--inputs-from naming a FIFO is refused (a list is piped with --inputs-from -)', () => {
    const fifo = mkfifo(join(dir, 'list.txt'));
    const out = join(dir, 'out-list');
    const run = measuredCli(['convert', '--inputs-from', fifo, '--out', out], 30);
    expect(run.stderr).toContain('list.txt: it is a named pipe (FIFO), not a regular file');
    expect(run.stderr).toContain('--inputs-from -');
    expect(run.code).toBe(2);
    expect(written(out)).toEqual([]);
  });

  it('a YOLO folder with a FIFO classes.txt and a FIFO label file: both skipped with the reason, the rest read', () => {
    const yolo = join(dir, 'yolo');
    mkdirSync(join(yolo, 'series1'), { recursive: true });
    writeFileSync(join(yolo, 'series1', 'IM0001.txt'), '0 0.5 0.5 0.2 0.2\n');
    mkfifo(join(yolo, 'classes.txt'));
    mkfifo(join(yolo, 'IM0002.txt'));
    const { run, files } = convert('yolo', '--boxes', yolo);
    expect(run.seconds).toBeLessThan(30);
    expect(run.stdout).toContain(
      'yolo/classes.txt: it is a named pipe (FIFO), not a regular file, so it is not read',
    );
    expect(run.stdout).toContain(
      'yolo/IM0002.txt: it is a named pipe (FIFO), not a regular file, so it is not read',
    );
    expect(run.stdout).toMatch(/1 file converted .* 1 box burned in/);
    expect(files).toHaveLength(1);
  });

  it('a FIFO mask label table (sidecar) is skipped with the reason; the mask is drawn with default names', () => {
    const masks = join(dir, 'sidecar');
    mkdirSync(masks);
    copyFileSync(join(SAMPLE, 'lesion-mask.nii.gz'), join(masks, 'lesion-mask.nii.gz'));
    mkfifo(join(masks, 'lesion-mask.json'));
    const out = join(dir, 'out-sidecar');
    const run = measuredCli(
      [
        'convert',
        join(SAMPLE, 'abdomen-ct'),
        '--out',
        out,
        '--quiet',
        '--jobs',
        '1',
        '--masks',
        join(masks, 'lesion-mask.nii.gz'),
      ],
      60,
    );
    expect(run.stdout).toContain(
      'lesion-mask.json: it is a named pipe (FIFO), not a regular file, so it is not read',
    );
    expect(run.stdout).toMatch(/24 files converted/);
  });
});

describe('finding files have ceilings, and long message lists are summarised (point 6)', () => {
  it('a COCO file just over its ceiling is refused from its size, before anything is read or written', () => {
    const coco = join(dir, 'big-coco.json');
    const limit = FINDING_FILE_LIMITS.coco.bytes;
    const text = Buffer.alloc(limit + 2, 0x20);
    text.write('{"images":[],"annotations":[{"image_id":"1.2.3","bbox":[0,0,1,1]}]', 0, 'latin1');
    text.write('}', limit + 1, 'latin1');
    writeFileSync(coco, text);
    expectRefusedFast(
      convert('coco', '--boxes', coco),
      /big-coco\.json: .*it is 64\.0 MiB, over the 64\.0 MiB a COCO file may have/,
    );
  });

  it('100,000 rows naming unknown images print a bounded summary: the first reasons and a count of the rest', () => {
    const rows = ['sop_instance_uid,file,x1,y1,x2,y2', ',series1/IM0001,10,10,20,20'];
    for (let i = 0; i < 100_000; i++) rows.push(`1.2.826.0.1.${i},,10,10,20,20`);
    const boxes = join(dir, 'many.csv');
    writeFileSync(boxes, rows.join('\n'));
    const { run } = convert('many', '--boxes', boxes);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Boxes that matched no input image and frame (100000):');
    expect(run.stdout).toContain('  ... and 99990 more for other reasons (see --report for all)');
    expect(run.stdout.split('\n').length).toBeLessThan(30);
  });
});

describe('text from box files reaches the terminal escaped (point 9)', () => {
  it('escape sequences, other controls and bidi overrides in labels, UIDs and file names are printed visibly', () => {
    const name = 'evil\u001b[2J\u202e.csv';
    const boxes = join(dir, name);
    writeFileSync(
      boxes,
      [
        'sop_instance_uid,file,x1,y1,x2,y2,label,score',
        ',series1/IM0001,10,10,20,20,ok,',
        '\u001b]0;pwned\u0007\u009b\u2066,,10,10,20,20,x,',
      ].join('\n'),
    );
    const { run } = convert('escape', '--boxes', boxes);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain('evil\\x1b[2J\\u202e.csv:3');
    expect(printed).toContain('\\x1b]0;pwned\\x07\\x9b\\u2066');
    // eslint-disable-next-line no-control-regex -- finding raw control characters is the point
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
