/**
 * Issue 8, points 4 and 5: files DCMTK and pydicom read that the reader refused. Each fixture is written
 * by pydicom (tests/helpers/robustness_fixtures.py); every readable one must give back its pixels
 * (pixel i = 100 * i) and convert with exit code 0; files without a usable image are skipped, not failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDicomFile } from '../../src/main/dicom/read-dicom';
import { readReport, runCli } from '../helpers/cli-harness';
import { dcmdump } from '../helpers/dicom-tools';
import {
  makeRobustnessFixture,
  ROBUSTNESS_PIXELS,
  type RobustnessFixture,
} from '../helpers/robustness-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-robust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pixelsOf(path: string): Promise<number[]> {
  const read = await readDicomFile(path);
  if (!read.ok) throw new Error(read.reason);
  return [...read.image.decodeFrame(0).data];
}

const NO_TRANSFER_SYNTAX: [RobustnessFixture, string, string][] = [
  ['no-ts-implicit', '1.2.840.10008.1.2', 'Implicit VR Little Endian'],
  ['no-ts-explicit', '1.2.840.10008.1.2.1', 'Explicit VR Little Endian'],
  ['no-ts-big', '1.2.840.10008.1.2.2', 'Explicit VR Big Endian'],
];

describe('File Meta without Transfer Syntax UID (0002,0010)', () => {
  for (const [kind, uid, name] of NO_TRANSFER_SYNTAX) {
    it(`${kind}: infers ${name} from the first data elements and reads the pixels`, async () => {
      const path = makeRobustnessFixture(kind, dir);
      // DCMTK reads the file the same way (the premise of the issue).
      expect(dcmdump(path).top.get('0010,0020')?.value).toBe('ISSUE8');
      for (const headerOnly of [true, false]) {
        const read = await readDicomFile(path, { headerOnly });
        if (!read.ok) throw new Error(read.reason);
        expect(read.image.header.transferSyntaxUid).toBe(uid);
        expect(read.image.header.transferSyntaxInferred).toBe(true);
        expect(read.image.header.patientId).toBe('ISSUE8');
      }
      expect(await pixelsOf(path)).toEqual(ROBUSTNESS_PIXELS);
    });
  }

  it('dicom-ink info says the transfer syntax was inferred; a file whose meta names it does not', () => {
    const inferred = runCli(['info', makeRobustnessFixture('no-ts-explicit', dir)]);
    expect(inferred.code).toBe(0);
    expect(inferred.stdout).toMatch(
      /^Transfer syntax: +Explicit VR Little Endian \(1\.2\.840\.10008\.1\.2\.1\), inferred from the dataset/m,
    );
    const named = runCli(['info', makeRobustnessFixture('cp246-explicit', dir)]);
    expect(named.code).toBe(0);
    expect(named.stdout).not.toMatch(/inferred/);
  });
});

describe('private sequences of undefined length (CP-246)', () => {
  for (const kind of ['cp246-explicit', 'cp246-implicit', 'cp246-big'] as const) {
    it(`${kind}: parses past the sequence to the image`, async () => {
      const path = makeRobustnessFixture(kind, dir);
      expect(dcmdump(path).text).toMatch(/\(0009,1004\)/);
      expect(await pixelsOf(path)).toEqual(ROBUSTNESS_PIXELS);
    });
  }
});

describe('files without a usable image are skipped, and the exit code stays 0', () => {
  it('skips a 2-byte Pixel Data without Rows/Columns and converts the readable files beside it', () => {
    const inputs = (['tiny-pixel', 'cp246-big', 'no-ts-implicit'] as const).map((kind) =>
      makeRobustnessFixture(kind, dir),
    );
    const report = join(dir, 'report.json');
    const run = runCli(['convert', ...inputs, '--out', join(dir, 'out'), '--report', report, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { totals, outcomes } = readReport(report);
    expect(totals).toEqual({ converted: 2, skipped: 1, failed: 0 });
    expect(outcomes.find((o) => o.input.endsWith('tiny-pixel.dcm'))?.reason).toBe(
      'no usable image: the 2-byte Pixel Data has no Rows and Columns (missing or zero) to give it a size; skipped',
    );
  });

  it('reports a file that ends after its File Meta as truncated, in words rather than a parser message', async () => {
    const read = await readDicomFile(makeRobustnessFixture('meta-only', dir));
    expect(read).toEqual({
      ok: false,
      kind: 'error',
      reason: 'the file ends after its File Meta Information (no dataset follows): it is truncated or empty',
    });
  });
});
