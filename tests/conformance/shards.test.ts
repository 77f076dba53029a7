/**
 * Many machines: 4 shards of one job, run at the same time into one --out (each taking its share from
 * a different scheduler's environment), produce exactly the files of one unsharded run, byte for
 * byte, with no file converted twice; --inputs-from reads the same job from a list file or stdin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, hashTree, readReport } from '../helpers/cli-harness';
import { dcmdump } from '../helpers/dicom-tools';
import { writePhantomFolder } from '../helpers/phantom-folder';
import { VERSIONS_FILE_NAME } from '../../src/main/versions/output-versions';

const FILES = 400;
const CLI = join(REPO, 'bin', 'dicom-ink.cjs');
let dir: string;
let input: string;
let names: string[];
let unsharded: Map<string, string>;

function convertArgs(out: string, ...more: string[]): string[] {
  return ['convert', '--out', out, '--window', 'abdomen', '--quiet', '--jobs', '1', ...more];
}

/** Runs the CLI in the input folder with extra environment variables (and stdin), without waiting. */
function start(args: string[], env: Record<string, string> = {}): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: input,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/** The dates and times a twin records of its making (a twin written later differs only there). */
const MADE_AT = new Set(['0008,0012', '0008,0013', '0008,0023', '0008,0033', '0070,0082', '0070,0083']);

/** Every element dcmdump reads in a file (tag, VR, value, nesting), but the dates and times of its making. */
function dumpWithoutTimes(file: string): string[] {
  return dcmdump(file)
    .elements.filter((e) => !MADE_AT.has(e.tag))
    .map((e) => `${e.depth} ${e.tag} ${e.vr} ${e.value}`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-shards-'));
  input = join(dir, 'in');
  names = writePhantomFolder(input, { slices: FILES, size: 16, folders: 5 });
  const run = spawnSync(process.execPath, [CLI, ...convertArgs(join(dir, 'one'), input)], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  unsharded = hashTree(join(dir, 'one'));
  // the outputs and the folder's version registry (.dicom-ink-versions.json, the same for every shard)
  expect(unsharded.size).toBe(FILES + 1);
  expect(unsharded.has(VERSIONS_FILE_NAME)).toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sharding', () => {
  it('4 concurrent shards write exactly the unsharded outputs, each file once', async () => {
    const out = join(dir, 'sharded');
    const report = (i: number): string => join(dir, `shard-${i}.jsonl`);
    const codes = await Promise.all([
      start(convertArgs(out, input, '--shard', '1/4', '--report', report(1))),
      // Kubernetes Indexed Job: 0-based completion index.
      start(convertArgs(out, input, '--shards', '4', '--report', report(2)), { JOB_COMPLETION_INDEX: '1' }),
      // Slurm array 0-3: index and count from the environment.
      start(convertArgs(out, input, '--shard', 'auto', '--report', report(3)), {
        SLURM_ARRAY_TASK_ID: '2',
        SLURM_ARRAY_TASK_COUNT: '4',
      }),
      // Slurm array 1-4: counted from SLURM_ARRAY_TASK_MIN.
      start(convertArgs(out, input, '--shards', '4', '--report', report(4)), {
        SLURM_ARRAY_TASK_ID: '4',
        SLURM_ARRAY_TASK_MIN: '1',
      }),
    ]);
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(hashTree(out)).toEqual(unsharded);
    const converted = [1, 2, 3, 4].flatMap((i) => {
      const document = readReport(report(i));
      expect(document.totals.skipped, `shard ${i} skipped nothing`).toBe(0);
      expect(document.outcomes.length, `shard ${i} has a share`).toBeGreaterThan(FILES / 8);
      return document.outcomes.filter((o) => o.status === 'converted').map((o) => o.input);
    });
    expect(converted).toHaveLength(FILES);
    expect(new Set(converted).size).toBe(FILES);
  });

  it('reads the inputs from a list file or from stdin, mirroring relative lines under --out', () => {
    // Run from the input's parent, so `in/series-1/IM00001` mirrors where the folder run puts it.
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${names.map((n) => `./in/${n}`).join('\n')}\n\n`);
    const fromFile = join(dir, 'from-file');
    for (const shard of ['1/2', '2/2']) {
      const run = spawnSync(
        process.execPath,
        [CLI, ...convertArgs(fromFile, '--inputs-from', list, '--shard', shard)],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr).toBe(0);
    }
    expect(hashTree(fromFile)).toEqual(unsharded);

    const fromStdin = join(dir, 'from-stdin');
    const piped = spawnSync(process.execPath, [CLI, ...convertArgs(fromStdin, '--inputs-from', '-')], {
      cwd: dir,
      input: names.map((n) => `in/${n}`).join('\r\n'),
      encoding: 'utf8',
    });
    expect(piped.status, piped.stderr).toBe(0);
    expect(hashTree(fromStdin)).toEqual(unsharded);
  });

  it('refuses --twin with --shard, and the way it names (shards, then one pass with --twin) writes the unsharded twins', () => {
    const run = (out: string, ...more: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [CLI, ...convertArgs(out, input, ...more)], { encoding: 'utf8' });
    const refused = run(join(dir, 'twin-refused'), '--shard', '1/2', '--twin', 'both');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--twin cannot be combined with --shard/--shards');
    expect(existsSync(join(dir, 'twin-refused'))).toBe(false);

    const boxes = join(dir, 'twin-boxes.csv');
    const rows = names.filter((_, i) => i % 20 === 0).map((name) => `${name},2,2,9,9,lesion,0.9`);
    writeFileSync(boxes, `file,x1,y1,x2,y2,label,score\n${rows.join('\n')}\n`);
    const whole = join(dir, 'twin-one');
    expect(run(whole, '--twin', 'both', '--boxes', boxes).status).toBe(0);
    const sharded = join(dir, 'twin-sharded');
    for (const shard of ['1/2', '2/2']) run(sharded, '--shard', shard, '--boxes', boxes);
    const pass = run(sharded, '--twin', 'both', '--boxes', boxes);
    expect(pass.status, String(pass.stderr)).toBe(0);
    // The images byte for byte; the presentation states and reports under the same names (the same
    // UIDs) with the same content but their creation date and time.
    const expected = hashTree(whole);
    const got = hashTree(sharded);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    const twins = [...expected.keys()].filter((name) => /(presentation-state|report)-\d+\.dcm$/.test(name));
    expect(twins.length).toBeGreaterThanOrEqual(2);
    for (const [name, hash] of expected) if (!twins.includes(name)) expect(got.get(name), name).toBe(hash);
    for (const name of twins)
      expect(dumpWithoutTimes(join(sharded, name)), name).toEqual(dumpWithoutTimes(join(whole, name)));
  });

  it('with a box file, a shard answers only for rows of its share: exit 3 only for its own unmatched rows', () => {
    const boxes = join(dir, 'shard-boxes.csv');
    const missing = 'series-9/IM99999';
    const drawn = names.filter((_, i) => i % 25 === 0).map((name) => `${name},,2,2,9,9`);
    const rows = [...drawn, `${missing},,2,2,9,9`, `,1.2.3.4.5.6.7,2,2,9,9`];
    writeFileSync(boxes, `file,sop_instance_uid,x1,y1,x2,y2\n${rows.join('\n')}\n`);
    const missingOrigin = `shard-boxes.csv:${drawn.length + 2}`;
    const uidOrigin = `shard-boxes.csv:${drawn.length + 3}`;
    const run = (out: string, report: string, ...more: string[]): number | null =>
      spawnSync(
        process.execPath,
        [CLI, ...convertArgs(out, input, '--boxes', boxes, '--report', report, ...more)],
        {
          encoding: 'utf8',
        },
      ).status;

    expect(run(join(dir, 'boxes-one'), join(dir, 'boxes-one.jsonl'))).toBe(3);
    expect(readReport(join(dir, 'boxes-one.jsonl')).unmatchedBoxes).toEqual([missingOrigin, uidOrigin]);

    // the missing file's output path decides which shard answers for it (SHA-256, first 4 bytes, mod 2)
    const owner = (createHash('sha256').update(`in/${missing}`).digest().readUInt32BE(0) % 2) + 1;
    for (const index of [1, 2]) {
      const report = join(dir, `boxes-shard-${index}.jsonl`);
      const status = run(join(dir, 'boxes-sharded'), report, '--shard', `${index}/2`);
      const end = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.type === 'end');
      expect(status, `shard ${index}`).toBe(index === owner ? 3 : 0);
      expect(end?.unmatchedBoxes, `shard ${index}`).toEqual(index === owner ? [missingOrigin] : []);
      expect((end?.placement as { notInShare?: string[] }).notInShare, `shard ${index}`).toEqual([uidOrigin]);
    }
    expect(hashTree(join(dir, 'boxes-sharded'))).toEqual(hashTree(join(dir, 'boxes-one')));
  });

  it('says which variable is missing when --shards runs outside a scheduler', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !name.startsWith('SLURM_') && name !== 'JOB_COMPLETION_INDEX',
      ),
    );
    const run = spawnSync(process.execPath, [CLI, ...convertArgs(join(dir, 'x'), input, '--shards', '4')], {
      encoding: 'utf8',
      env,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('JOB_COMPLETION_INDEX (Kubernetes Indexed Job)');
  });
});
