/**
 * Issue 8, point 3: dciodvfy over the output of EVERY corpus file and of sources with minimal headers
 * finds no error that the source itself does not have: every Type 2 and applicable Type 2C attribute of
 * the Secondary Capture IODs' modules is written, empty when the source has no value.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { dcmdump, dciodvfy, runTool } from '../helpers/dicom-tools';

const CORPUS = join(REPO, 'tests', 'fixtures', 'corpus');

/**
 * What an error is about, independent of where it is: its kind and the values it quotes. An output
 * reports a source's bad value under another tag (the source's SOP Instance UID becomes the Referenced
 * SOP Instance UID), which is still the source's error.
 */
function errorKey(line: string): string {
  const kind = line.replace(/^Error - /, '').split(' - ')[0] ?? '';
  const quoted = [...line.matchAll(/"([^"]*)"|<([^>]*)>/g)].map((m) => m[1] ?? m[2]);
  return [kind.replace(/\(0x[0-9a-f]{4},0x[0-9a-f]{4}\).*$/i, '').trim(), ...quoted].join(' | ');
}

/** Output errors whose key no error of the source has. */
function newErrors(source: string, output: string): string[] {
  const known = new Set(dciodvfy(source).errors.map(errorKey));
  return dciodvfy(output).errors.filter((line) => !known.has(errorKey(line)));
}

/** Every file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-dciodvfy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dciodvfy finds no new error in any output', () => {
  // dciodvfy runs twice per file (source and output): minutes on a loaded 2-core machine.
  it('of every corpus file', { timeout: 600_000 }, () => {
    const out = join(dir, 'corpus');
    const run = runCli(['convert', CORPUS, '--out', out, '--quiet', '--jobs', '2'], { timeoutMs: 600_000 });
    expect(run.code).toBe(0);
    const written = join(out, basename(CORPUS));
    const outputs = filesUnder(written);
    expect(outputs.length).toBeGreaterThan(80);
    const problems = outputs.flatMap((name) =>
      newErrors(join(CORPUS, name), join(written, name)).map((line) => `${name}: ${line}`),
    );
    expect(problems).toEqual([]);
  });

  it('of sources with minimal headers (no patient, study or series attributes)', () => {
    const input = join(dir, 'minimal');
    const made = runTool('/usr/bin/python3', [join(REPO, 'tests', 'helpers', 'minimal_sources.py'), input]);
    expect(made.stderr).toBe('');
    const run = runCli(['convert', input, '--out', join(dir, 'minimal-out'), '--quiet']);
    // the folder's outputs: --out/<its name>/ (the output layout rule)
    const out = join(dir, 'minimal-out', 'minimal');
    expect(run.code).toBe(0);
    const names = filesUnder(input).sort();
    expect(names).toHaveLength(7);
    for (const name of names) {
      const output = join(out, name);
      expect(dciodvfy(output).errors, name).toEqual([]);
      expect(newErrors(join(input, name), output), name).toEqual([]);
    }
    // A paired body part without Laterality: written empty (unknown); an unpaired one: absent.
    expect(dcmdump(join(out, 'ct-breast.dcm')).top.get('0020,0060')?.value).toBe('');
    expect(dcmdump(join(out, 'ct-chest.dcm')).top.has('0020,0060')).toBe(false);
    const old = dcmdump(join(out, 'sc-old-forms.dcm')).top;
    expect([old.get('0008,0020')?.value, old.get('0008,0030')?.value]).toEqual(['19930428', '140438.5']);
  });
});
