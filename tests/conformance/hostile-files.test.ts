/**
 * The real CLI against hostile folders (issue 15): a FIFO given directly or found in a folder never
 * blocks a reader, and symbolic links inside the output folder (to the input folder, to a folder
 * elsewhere standing in for a system folder) never carry an output outside --out, with and without
 * --overwrite: the inputs stay byte-identical and nothing appears outside.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, hashTree, readReport, runCli } from '../helpers/cli-harness';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
/** A reader blocked on the FIFO would wait for ever; well before that the run counts as hung. */
const HANG = { timeoutMs: 20_000 };
let dir: string;

function mkfifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
  return path;
}

/** A fresh study with two series of one CT slice each. */
function study(name: string): string {
  const root = join(dir, name);
  copyCorpus(CT, join(root, 'series1', 'IM1'));
  copyCorpus(CT, join(root, 'series2', 'IM1'));
  return root;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a FIFO is never opened for reading', () => {
  it('info on a FIFO ends at once with exit 1 and says what it is', () => {
    const fifo = mkfifo(join(dir, 'info.fifo'));
    const result = runCli(['info', fifo], HANG);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${fifo}: it is a named pipe (FIFO), not a regular file`);
  });

  it('convert skips a FIFO given directly, with the reason', () => {
    const fifo = mkfifo(join(dir, 'direct.fifo'));
    const out = join(dir, 'direct-out');
    const result = runCli(['convert', fifo, '--out', out, '--report', join(dir, 'direct.json')], HANG);
    expect(result.code).toBe(0);
    const report = readReport(join(dir, 'direct.json'));
    expect(report.outcomes).toEqual([
      expect.objectContaining({
        input: fifo,
        status: 'skipped',
        reason: expect.stringMatching(/named pipe/),
      }),
    ]);
  });

  it('convert lists a FIFO found in a folder as skipped and converts the rest', () => {
    const root = study('with-fifo');
    const fifo = mkfifo(join(root, 'series1', 'pipe'));
    const out = join(dir, 'with-fifo-out');
    const result = runCli(['convert', root, '--out', out, '--report', join(dir, 'fifo.json')], HANG);
    expect(result.code).toBe(0);
    const report = readReport(join(dir, 'fifo.json'));
    expect(report.totals).toEqual({ converted: 2, skipped: 1, failed: 0 });
    expect(report.outcomes.find((o) => o.input === fifo)?.reason).toMatch(/named pipe \(FIFO\)/);
  });
});

describe('symbolic links in the output folder', () => {
  /**
   * Where the outputs go (out/<study folder name>/): series1 -> the input's series1; series2 -> a folder
   * elsewhere (standing in for /etc/somedir).
   */
  function hostileOutput(name: string): { root: string; out: string; elsewhere: string } {
    const root = study(`${name}-study`);
    const out = join(dir, `${name}-out`, basename(root));
    const elsewhere = join(dir, `${name}-elsewhere`);
    mkdirSync(out, { recursive: true });
    mkdirSync(elsewhere);
    symlinkSync(join(root, 'series1'), join(out, 'series1'));
    symlinkSync(elsewhere, join(out, 'series2'));
    return { root, out, elsewhere };
  }

  it.each([[[] as string[]], [['--overwrite']]])(
    'never write through them (extra options: %j): inputs byte-identical, nothing outside',
    (extra) => {
      const { root, out, elsewhere } = hostileOutput(extra.length > 0 ? 'replace' : 'keep');
      const before = hashTree(root);
      const report = join(dir, `links-${extra.length}.json`);
      const result = runCli(['convert', root, '--out', dirname(out), '--report', report, ...extra], HANG);
      expect(hashTree(root)).toEqual(before);
      expect(readdirSync(join(root, 'series1')).sort()).toEqual(['IM1']);
      expect(readdirSync(elsewhere)).toEqual([]);
      // The links are left as they were, and both files are reported as not written, with the reason.
      expect(lstatSync(join(out, 'series1')).isSymbolicLink()).toBe(true);
      expect(lstatSync(join(out, 'series2')).isSymbolicLink()).toBe(true);
      expect(result.code).toBe(1);
      const outcomes = readReport(report).outcomes;
      expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
      for (const o of outcomes) expect(o.reason).toMatch(/replace the input|leads outside the output folder/);
    },
  );

  it('refuses an --out that is a link to the input folder', () => {
    const root = study('linked-root');
    const out = join(dir, 'linked-root-out');
    symlinkSync(root, out);
    const before = hashTree(root);
    const result = runCli(['convert', root, '--out', out, '--overwrite'], HANG);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the input folder itself/);
    expect(hashTree(root)).toEqual(before);
    expect(existsSync(join(root, 'series1', 'IM1'))).toBe(true);
  });
});
