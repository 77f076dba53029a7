import { describe, expect, it } from 'vitest';
import {
  filesWithFindings,
  exportAlgorithm,
  fitAlgorithm,
  withFileAlgorithm,
} from '../../../src/shared/findings/file-algorithms';

describe('the algorithm an export names from its findings files', () => {
  it('none when no file names one (a file with only a version names none)', () => {
    expect(exportAlgorithm([])).toEqual({ ok: true });
    expect(exportAlgorithm([{ file: 'a.csv', algorithm: { version: '2' } }])).toEqual({ ok: true });
  });

  it('the one identity the files name, trimmed; files naming none do not disagree', () => {
    const named = exportAlgorithm([
      { file: 'boxes.csv', algorithm: {} },
      { file: 'coco.json', algorithm: { name: ' KidneyNet ', version: '2.1', manufacturer: 'Acme AI' } },
      { file: 'more.json', algorithm: { name: 'KidneyNet', version: '2.1 ', manufacturer: 'Acme AI' } },
    ]);
    expect(named).toEqual({
      ok: true,
      algorithm: { name: 'KidneyNet', version: '2.1', manufacturer: 'Acme AI' },
    });
  });

  it('refuses two different identities, naming each file and what it names', () => {
    const named = exportAlgorithm([
      { file: 'coco.json', algorithm: { name: 'KidneyNet', version: '2.1' } },
      { file: 'seg.dcm', algorithm: { name: 'KidneyNet', version: '2.2' } },
    ]);
    expect(named.ok).toBe(false);
    if (named.ok) return;
    expect(named.files).toEqual(['coco.json', 'seg.dcm']);
    expect(named.reason).toContain('coco.json: KidneyNet 2.1, seg.dcm: KidneyNet 2.2');
  });
});

describe('the list of imported files', () => {
  it('a file imported again replaces its entry in place; a new one is added at the end', () => {
    const list = [
      { file: 'a.json', algorithm: { name: 'A' } },
      { file: 'b.json', algorithm: { name: 'B' } },
    ];
    expect(withFileAlgorithm(list, { file: 'a.json', algorithm: { name: 'A2' } })).toEqual([
      { file: 'a.json', algorithm: { name: 'A2' } },
      { file: 'b.json', algorithm: { name: 'B' } },
    ]);
    expect(withFileAlgorithm(list, { file: 'c.json', algorithm: {} })).toHaveLength(3);
  });

  it('what a file names is made fit for DICOM LO: no backslash or control, 64 characters, no empty field', () => {
    expect(fitAlgorithm({ name: 'Kidney\\Net\tv2', version: ' ', manufacturer: 'M'.repeat(70) })).toEqual({
      name: 'Kidney Net v2',
      manufacturer: 'M'.repeat(64),
    });
  });
});

describe('the files an export names', () => {
  const files = [
    { file: 'coco.json', algorithm: { name: 'CocoNet' } },
    { file: 'seg.dcm', algorithm: { name: 'SegNet' } },
  ];

  it("only files that still have a box: deleting all of a file's boxes drops its algorithm", () => {
    const boxes = [{ source: 'seg.dcm' }, {}];
    expect(filesWithFindings(files, boxes)).toEqual([files[1]]);
    expect(exportAlgorithm(filesWithFindings(files, boxes))).toEqual({
      ok: true,
      algorithm: { name: 'SegNet' },
    });
  });

  it("the reader's own boxes name no algorithm", () => {
    expect(exportAlgorithm(filesWithFindings(files, [{}, {}]))).toEqual({ ok: true });
  });
});
