/**
 * The real CLI's manners: help for every command, one-line usage errors with a pointer to the help,
 * suggestions for mistyped flags and commands, negative numbers as option values, and Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/main/cli/commands';
import { REPO, corpusFile, runCli } from '../helpers/cli-harness';

const CT = 'dp_CT1_UNC.explicit_little_endian.dcm';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-cli-manners-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('per-command help', () => {
  it.each(COMMANDS.map((c) => c.spec.name))('%s --help and -h print its usage and exit 0', (name) => {
    for (const flag of ['--help', '-h']) {
      const run = runCli([name, flag]);
      expect(run.code, `${name} ${flag}: ${run.stderr}`).toBe(0);
      expect(run.stdout.startsWith(`Usage: dicom-ink ${name}`)).toBe(true);
      expect(run.stdout).toContain('-h, --help');
      expect(run.stderr).toBe('');
    }
  });

  it('shows convert help even after other arguments, and lists its options', () => {
    const run = runCli(['convert', 'study/', '--out', 'x', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--no-verify');
    expect(run.stdout).toContain('--window-center <C>');
    expect(runCli(['help', 'convert']).stdout).toBe(run.stdout);
  });

  it('lists every command in the main help', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const c of COMMANDS) expect(run.stdout).toContain(c.spec.synopsis);
    expect(run.stdout).toContain('dicom-ink <command> --help');
  });
});

describe('usage errors', () => {
  it('suggest the flag meant, in one line plus where the help is, and exit 2', () => {
    const run = runCli(['convert', corpusFile(CT), '--out', join(dir, 'x'), '--widow', 'abdomen']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dicom-ink: unknown option --widow; did you mean --window?\nsee `dicom-ink convert --help`\n',
    );
    expect(run.stdout).toBe('');
  });

  it('name the command of the help to read, and suggest a mistyped command', () => {
    const app = runCli(['app', '--prot', '80']);
    expect(app.code).toBe(2);
    expect(app.stderr).toBe(
      'dicom-ink: unknown option --prot; did you mean --port?\nsee `dicom-ink app --help`\n',
    );
    const command = runCli(['conver', 'x']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe(
      'dicom-ink: unknown command "conver"; did you mean convert?\nsee `dicom-ink --help`\n',
    );
    const info = runCli(['info']);
    expect(info.stderr.split('\n')).toHaveLength(3);
  });

  it('take a negative number as a value: --window-center -600 converts with a lung window', () => {
    const out = join(dir, 'lung');
    const run = runCli([
      'convert',
      corpusFile(CT),
      '--out',
      out,
      '--window-center',
      '-600',
      '--window-width',
      '1500',
      '--no-verify',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(out, CT))).toBe(true);
    const badScore = runCli(['convert', corpusFile(CT), '--out', out, '--min-score', '-0.5']);
    expect(badScore.code).toBe(2);
    expect(badScore.stderr.split('\n')[0]).toBe('dicom-ink: --min-score must be between 0 and 1, got -0.5');
    const badPort = runCli(['app', '--port', '-1']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr.split('\n')[0]).toBe(
      'dicom-ink: --port needs a port number between 0 and 65535, got "-1"',
    );
  });
});

describe('Ctrl-C', () => {
  it('stops a running conversion and exits 130, as shells expect', async () => {
    const input = join(dir, 'many');
    mkdirSync(input, { recursive: true });
    for (let i = 0; i < 400; i++)
      copyFileSync(corpusFile(CT), join(input, `IM${String(i).padStart(4, '0')}`));
    const out = join(dir, 'many-out');
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'dicom-ink.cjs'), 'convert', input, '--out', out, '--jobs', '1'],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt once the conversion is under way: the first output file exists.
    const started = Date.now();
    const written = join(out, 'many');
    while (!(existsSync(written) && readdirSync(written).length > 0) && Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stdout).toMatch(/^Cancelled: \d+ files? converted/);
    expect(readdirSync(written).length).toBeLessThan(400);
  }, 90_000);
});
