import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../../src/main/convert/convert-file';
import { defaultConvertSettings } from '../../../src/main/convert/convert-settings';
import type { ConvertSettings } from '../../../src/main/convert/convert-settings';
import { packBoxes, readPackedBoxes } from '../../../src/shared/boxes/packed-boxes';
import { initCodecs, readDicomFile } from '../../../src/main/dicom/read-dicom';
import { corpusFile } from '../../helpers/cli-harness';

const CT = corpusFile('dp_CT1_UNC.explicit_little_endian.dcm');
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-convert-'));
  await initCodecs();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(overrides: Partial<ConvertSettings> = {}): ConvertSettings {
  return { ...defaultConvertSettings(), window: { kind: 'preset', name: 'abdomen' }, ...overrides };
}

describe('convertFile', () => {
  it('writes a verified RGB Secondary Capture with the boxes of its frame, and reads the input only', async () => {
    const before = readFileSync(CT);
    const boxIndex = readPackedBoxes(
      packBoxes([
        {
          target: { kind: 'file', file: 'ct.dcm' },
          frame: 1,
          x1: 10,
          y1: 10,
          x2: 50,
          y2: 50,
          origin: 'b.csv:2',
        },
        {
          target: { kind: 'file', file: 'ct.dcm' },
          frame: 2,
          x1: 10,
          y1: 10,
          x2: 50,
          y2: 50,
          origin: 'b.csv:3',
        },
        {
          target: { kind: 'file', file: 'other.dcm' },
          frame: 1,
          x1: 10,
          y1: 10,
          x2: 50,
          y2: 50,
          origin: 'b.csv:4',
        },
      ]),
    );
    const outputPath = join(dir, 'a', 'ct.dcm');
    const outcome = await convertFile(
      { path: CT, relativePath: 'ct.dcm', outputPath },
      { settings: settings(), boxes: boxIndex, outputRoot: dir },
    );
    expect(outcome).toEqual({
      status: 'converted',
      input: CT,
      output: outputPath,
      frames: 1,
      boxesDrawn: 1,
      matchedBoxOrigins: ['b.csv:2'],
      seriesInstanceUid: expect.stringMatching(/^2\.25\.\d+$/) as unknown,
    });
    expect(readFileSync(CT).equals(before)).toBe(true);
    const back = await readDicomFile(outputPath);
    // The outcome names the derived series it wrote (the JSON Lines report carries it).
    expect(back.ok && back.image.getString('0020000e')).toBe(
      outcome.status === 'converted' ? outcome.seriesInstanceUid : '',
    );
    expect(back.ok && back.image.header.pixel).toMatchObject({
      samplesPerPixel: 3,
      photometric: 'RGB',
      rows: 512,
      columns: 512,
    });
    expect(back.ok && back.image.getString('00082111')).toBe(
      'Rendered to RGB by DICOM Ink with abdomen preset (center 50 width 400); 1 box burned in',
    );
    expect(readdirSync(join(dir, 'a'))).toEqual(['ct.dcm']);
  });

  it('skips a file that is not DICOM and an output that exists, and refuses to write over its input', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    const notDicom = await convertFile(
      { path: text, relativePath: 'notes.txt', outputPath: join(dir, 'o', 'notes.txt') },
      { settings: settings(), outputRoot: dir },
    );
    expect(notDicom.status).toBe('skipped');
    expect(existsSync(join(dir, 'o', 'notes.txt'))).toBe(false);

    const existing = join(dir, 'exists.dcm');
    writeFileSync(existing, 'keep me');
    const kept = await convertFile(
      { path: CT, relativePath: 'ct.dcm', outputPath: existing },
      { settings: settings(), outputRoot: dir },
    );
    expect(kept).toMatchObject({
      status: 'skipped',
      input: CT,
      reason: 'the output file already exists; pass --overwrite to replace it',
      // named, so that --send can still deliver an output a previous run wrote
      existingOutput: existing,
    });
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    const self = await convertFile(
      { path: CT, relativePath: 'ct.dcm', outputPath: CT },
      { settings: settings({ overwrite: true }), outputRoot: dir },
    );
    expect(self.status).toBe('failed');
  });

  it('fails a truncated image with the reason and leaves no output or partial file', async () => {
    const cut = join(dir, 'cut.dcm');
    const bytes = readFileSync(CT);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    const outcome = await convertFile(
      { path: cut, relativePath: 'cut.dcm', outputPath: join(dir, 'cut-out', 'cut.dcm') },
      { settings: settings(), outputRoot: dir },
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.status !== 'converted' && outcome.reason).toMatch(/\w{3,}/);
    expect(existsSync(join(dir, 'cut-out')) ? readdirSync(join(dir, 'cut-out')) : []).toEqual([]);
  });
});

describe('convertFile refuses unsafe destinations (no real path resolved when the output is absent)', () => {
  it('never writes over its input: same path, or a link to it under the output name, even with --overwrite', async () => {
    const input = join(dir, 'unsafe-in.dcm');
    copyFileSync(CT, input);
    const before = readFileSync(input);
    const same = await convertFile(
      { path: input, relativePath: 'unsafe-in.dcm', outputPath: input },
      { settings: settings({ overwrite: true }), outputRoot: dir },
    );
    expect(same).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('would replace the input'),
    });
    const linkToInput = join(dir, 'unsafe-link-out.dcm');
    symlinkSync(input, linkToInput);
    const linked = await convertFile(
      { path: input, relativePath: 'unsafe-in.dcm', outputPath: linkToInput },
      { settings: settings({ overwrite: true }), outputRoot: dir },
    );
    expect(linked).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('would replace the input'),
    });
    expect(Buffer.compare(readFileSync(input), before)).toBe(0);
  });

  it('never writes through or replaces a symbolic link under the output name, dangling or not', async () => {
    const elsewhere = join(dir, 'unsafe-elsewhere.txt');
    writeFileSync(elsewhere, 'keep');
    for (const [name, target] of [
      ['unsafe-dangling.dcm', join(dir, 'no-such-file')],
      ['unsafe-pointing.dcm', elsewhere],
    ] as const) {
      const outputPath = join(dir, name);
      symlinkSync(target, outputPath);
      const outcome = await convertFile(
        { path: CT, relativePath: name, outputPath },
        { settings: settings({ overwrite: true }), outputRoot: dir },
      );
      expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('symbolic link') });
      expect(lstatSync(outputPath).isSymbolicLink()).toBe(true);
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
    expect(existsSync(join(dir, 'no-such-file'))).toBe(false);
  });

  it('neither writes through nor replaces a link made under the output name after its folder was listed', async () => {
    const out = join(dir, 'listed-then-linked');
    const elsewhere = join(dir, 'listed-elsewhere.txt');
    writeFileSync(elsewhere, 'keep');
    // The first output lists the folder (once per thread); the link appears after that listing.
    const first = await convertFile(
      { path: CT, relativePath: 'a.dcm', outputPath: join(out, 'a.dcm') },
      { settings: settings(), outputRoot: dir },
    );
    expect(first).toMatchObject({ status: 'converted' });
    const linked = join(out, 'b.dcm');
    symlinkSync(elsewhere, linked);
    const outcome = await convertFile(
      { path: CT, relativePath: 'b.dcm', outputPath: linked },
      { settings: settings(), outputRoot: dir },
    );
    expect(outcome).toMatchObject({ status: 'skipped', reason: expect.stringContaining('already exists') });
    expect(lstatSync(linked).isSymbolicLink()).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
  });
});
