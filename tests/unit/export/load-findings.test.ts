import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConvertSettings } from '../../../src/main/convert/convert-settings';
import type { ConversionJob } from '../../../src/main/export/job';
import { loadFindings } from '../../../src/main/export/load-findings';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { readPackedBoxes } from '../../../src/shared/boxes/packed-boxes';

const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-load-findings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const outline: BoxRecord = {
  target: { kind: 'sop', sopInstanceUid: '1.2.3' },
  frame: 1,
  x1: 2,
  y1: 2,
  x2: 3,
  y2: 3,
  origin: 'outline[0]',
  region: { x: 2, y: 2, width: 2, height: 2, bits: new Uint8Array([1, 0, 1, 1]) },
};

describe('loadFindings', () => {
  it('packs the app box file, the placed findings, then each --boxes source, rows in file order', async () => {
    const job: ConversionJob = {
      inputs: [],
      outDir: join(dir, 'out'),
      settings: defaultConvertSettings(),
      boxFile: file('app.json', '[{"file":"a/IM1","x1":1,"y1":1,"x2":5,"y2":5,"label":"app"}]'),
      findings: [outline],
      boxFiles: [
        file('one.csv', 'file,x1,y1,x2,y2\na/IM2,1,1,4,4\nbad,x,1,4,4\na/IM3,1,1,4,4\n'),
        file('two.csv', 'sop_instance_uid,frame,x1,y1,x2,y2\n1.2.3,2,0,0,8,8\n'),
      ],
    };
    const loaded = await loadFindings(job, []);
    if (!loaded.ok) throw new Error(loaded.reason);
    const rows = readPackedBoxes(loaded.boxes);
    const all = Array.from({ length: rows.count }, (_, row) => rows.record(row));
    expect(all.map((r) => r.origin)).toEqual([
      'app.json[0]',
      'outline[0]',
      'one.csv:2',
      'one.csv:4',
      'two.csv:2',
    ]);
    expect(all[1]).toEqual(outline);
    expect(all[4]).toEqual({
      target: { kind: 'sop', sopInstanceUid: '1.2.3' },
      frame: 2,
      x1: 0,
      y1: 0,
      x2: 8,
      y2: 8,
      origin: 'two.csv:2',
    });
    expect(loaded.errors).toEqual([{ origin: 'one.csv:3', reason: 'column x1: "x" is not a number' }]);
  });

  it('fails when a --boxes source cannot be read, naming it', async () => {
    const job: ConversionJob = {
      inputs: [],
      outDir: join(dir, 'out'),
      settings: defaultConvertSettings(),
      boxFiles: [join(dir, 'missing.csv')],
    };
    const loaded = await loadFindings(job, []);
    expect(loaded).toMatchObject({ ok: false, cause: 'findings' });
    expect(loaded.ok ? '' : loaded.reason).toContain('missing.csv');
  });
});
