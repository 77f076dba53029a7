/**
 * Running the same export again finds its twins already written. Their names and UIDs come from the
 * export's version, so the twin on disk is this export's; only its creation date and time (the clock)
 * differ. The run keeps it and says it is its own earlier twin. A twin that differs in anything else is
 * kept with the reason that suggests --overwrite, as before.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, twinFile } from '../helpers/cli-harness';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const PREFIXES = ['presentation-state-', 'report-', 'segmentation-', 'key-images-'];
const NAMES = ['presentation state', 'structured report', 'segmentation', 'key object selection'];

let dir: string;
let out: string;
let series: string;

const convert = () =>
  runCli([
    'convert',
    SAMPLE,
    '--out',
    out,
    '--boxes',
    BOXES,
    '--window',
    'abdomen',
    '--twin',
    'all',
    '--seg-boxes',
  ]);

/**
 * Sets a twin's Instance Creation Time (0008,0013, explicit VR 'TM') to `time`, as if an earlier run
 * had written it then: found by its tag and VR bytes, the value overwritten in place (same length).
 */
function setCreationTime(file: string, time: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from([0x08, 0x00, 0x13, 0x00, 0x54, 0x4d]));
  expect(at).toBeGreaterThan(132);
  const length = bytes.readUInt16LE(at + 6);
  expect(length).toBe(time.length);
  bytes.write(time, at + 8, 'latin1');
  writeFileSync(file, bytes);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-rerun-'));
  out = join(dir, 'out');
  const first = convert();
  expect(first.code, first.stderr).toBe(0);
  series = join(out, 'abdomen-ct', 'series-1');
  // Each twin "written by an earlier run" at another time of day than this run's.
  for (const prefix of PREFIXES) setCreationTime(twinFile(series, prefix), '000001');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a rerun of the same export with --twin', () => {
  it('keeps each twin an earlier run wrote and says it is its own, the same but for its creation time', () => {
    const again = convert();
    expect(again.code, again.stderr).toBe(0);
    NAMES.forEach((name, i) => {
      const file = twinFile(series, PREFIXES[i] ?? '');
      expect(again.stdout).toContain(
        `Kept ${name} ${file}: already written by an earlier run of this export: the same but for its creation date and time`,
      );
    });
    expect(again.stdout).not.toContain('pass --overwrite');
  });

  it('says a twin under that name that differs in anything else already exists, as before', () => {
    const file = twinFile(series, 'presentation-state-');
    const bytes = readFileSync(file);
    // One character of the Series Description changed: no longer this export's twin as written.
    const at = bytes.indexOf(Buffer.from('DICOM Ink', 'latin1'), 132);
    expect(at).toBeGreaterThan(132);
    bytes.write('X', at, 'latin1');
    writeFileSync(file, bytes);
    const again = convert();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(
      `Kept presentation state ${file}: the output file already exists; pass --overwrite to replace it`,
    );
    expect(again.stdout).toContain('Kept structured report');
    expect(again.stdout.match(/already written by an earlier run of this export/g)).toHaveLength(3);
  });
});
