/**
 * Hostile finding files, made in the test (issue 20): a gzipped NIfTI that inflates far past its size, a
 * tiny SEG claiming millions of frames, FIFOs; and the built CLI run under GNU time, so a test can assert
 * the peak resident memory and the seconds a refusal took.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO } from './cli-harness';

/**
 * A NIfTI-1 header (348 bytes and the 4-byte extension flag, voxels at 352): uint8 labels of the given
 * dims, 1 mm voxels, an identity sform.
 */
export function niftiHeader(dims: readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(352);
  header.writeInt32LE(348, 0);
  [3, ...dims, 1, 1, 1, 1].forEach((d, i) => header.writeInt16LE(d, 40 + 2 * i));
  header.writeInt16LE(2, 70); // DT_UINT8
  header.writeInt16LE(8, 72);
  for (let i = 0; i < 8; i++) header.writeFloatLE(1, 76 + 4 * i);
  header.writeFloatLE(352, 108);
  header.writeFloatLE(1, 112);
  header.writeInt16LE(1, 254); // sform_code
  [0, 1, 2].forEach((row) => header.writeFloatLE(1, 280 + 16 * row + 4 * row));
  header.write('n+1\0', 344, 'latin1');
  return header;
}

const MEMBER = 16 * 1024 * 1024;

/**
 * A .nii.gz of about 1 MB per GiB: the header, then gzip members of 16 MiB of zeros (gzip allows
 * concatenated members) until the stream inflates to `inflated` bytes.
 */
export function niftiGzipBomb(dims: readonly [number, number, number], inflated: number): Buffer {
  const zeros = gzipSync(Buffer.alloc(MEMBER), { level: 9 });
  const members = [gzipSync(niftiHeader(dims))];
  for (let n = 352; n < inflated; n += MEMBER) members.push(zeros);
  return Buffer.concat(members);
}

/** A tiny BINARY SEG of 16x16 frames claiming `frames` frames (pydicom writes it: tests/helpers/finding_bombs.py). */
export function writeSegBomb(path: string, frames: number): void {
  execFileSync('/usr/bin/python3', [join(__dirname, 'finding_bombs.py'), 'seg', path, String(frames)]);
}

export function mkfifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
  return path;
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** peak resident memory of the CLI process, MB (wait4's ru_maxrss) */
  peakMb: number;
  /** true when the run was still going after its time and was killed (a hang or a balloon) */
  killed: boolean;
}

/**
 * The built CLI under tests/helpers/measure_run.py, which kills it after `limitSeconds` and reports its
 * peak resident memory and seconds.
 */
export function measuredCli(args: readonly string[], limitSeconds = 60): MeasuredRun {
  const result = join(mkdtempSync(join(tmpdir(), 'dicom-ink-measure-')), 'result.json');
  const run = spawnSync(
    '/usr/bin/python3',
    [
      join(__dirname, 'measure_run.py'),
      String(limitSeconds),
      result,
      process.execPath,
      join(REPO, 'bin', 'dicom-ink.cjs'),
      ...args,
    ],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const measured = JSON.parse(readFileSync(result, 'utf8')) as {
    code: number;
    seconds: number;
    peakKb: number;
    killed: boolean;
  };
  rmSync(dirname(result), { recursive: true, force: true });
  return {
    code: run.status === null ? null : measured.code,
    stdout: run.stdout,
    stderr: run.stderr
      .split('\n')
      .filter((line) => !line.startsWith('progress: '))
      .join('\n'),
    seconds: measured.seconds,
    peakMb: measured.peakKb / 1024,
    killed: measured.killed,
  };
}
