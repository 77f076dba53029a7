/** Runs the built CLI (bin/dicom-ink.cjs -> dist/cli.cjs) and prepares input folders from the corpus. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');

export interface CliResult {
  code: number | null;
  stdout: string;
  /** stderr without the periodic `progress:` lines, whose number depends on how fast this machine is */
  stderr: string;
  /** stderr as printed */
  stderrRaw: string;
}

/** A non-terminal stderr gets a `progress:` line every 2 s: tests judge the rest, whatever the load. */
function withoutProgress(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('progress: '))
    .join('\n');
}

export function runCli(args: readonly string[], options: { timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'dicom-ink.cjs'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: withoutProgress(result.stderr),
    stderrRaw: result.stderr,
  };
}

/** A corpus file: the repository's copy in tests/fixtures/corpus, else the shared corpus it was copied from. */
export function corpusFile(name: string): string {
  const local = join(REPO, 'tests', 'fixtures', 'corpus', name);
  if (existsSync(local)) return local;
  const shared = resolve(REPO, '..', 'shared', 'corpus', name);
  if (existsSync(shared)) return shared;
  throw new Error(`corpus file ${name} is missing from tests/fixtures/corpus`);
}

export function copyCorpus(name: string, target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(corpusFile(name), target);
  return target;
}

/** Every file under `root` (relative path -> sha256), to prove inputs are byte-identical afterwards. */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes.set(relative(root, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(root);
  return hashes;
}

/** Files under `root` with their relative paths, sorted. */
export function listTree(root: string): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return [...hashTree(root).keys()].sort();
}

export interface ReportDocument {
  status: string;
  totals: { converted: number; skipped: number; failed: number };
  outcomes: {
    input: string;
    status: string;
    output?: string;
    frames?: number;
    boxesDrawn?: number;
    reason?: string;
  }[];
  boxErrors: { origin: string; reason: string }[];
  unmatchedBoxes: string[];
  /** one per --send / --zip target */
  deliveries: Record<string, unknown>[];
}

/** A `--report` file (JSON Lines: a start line, one line per outcome, an end line) as one document. */
export function readReport(path: string): ReportDocument {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);
  const end = lines.find((line) => line.type === 'end') as
    (Partial<ReportDocument> & { status: string }) | undefined;
  const outcomes = lines
    .filter((line) => line.type === 'outcome')
    .map(({ type: _type, ...outcome }) => outcome as ReportDocument['outcomes'][number]);
  return {
    status: end?.status ?? 'unfinished',
    totals: end?.totals ?? { converted: 0, skipped: 0, failed: 0 },
    outcomes,
    boxErrors: end?.boxErrors ?? [],
    unmatchedBoxes: end?.unmatchedBoxes ?? [],
    deliveries: lines
      .filter((line) => line.type === 'delivery')
      .map(({ type: _type, ...delivery }) => delivery),
  };
}

/** The file a run wrote into `folder` whose name starts with `prefix` ('report-', 'segmentation-', ...). */
export function twinFile(folder: string, prefix: string): string {
  const name = readdirSync(folder).find((n) => n.startsWith(prefix));
  if (name === undefined) throw new Error(`no ${prefix}* in ${folder}`);
  return join(folder, name);
}
