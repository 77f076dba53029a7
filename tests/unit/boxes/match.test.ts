import { describe, expect, it } from 'vitest';
import {
  boxesForImage,
  createBoxIndex,
  normaliseRelativePath,
  parseHexColor,
  toBurnBox,
  unmatchedBoxes,
} from '../../../src/shared/boxes/match';
import type { BoxRecord } from '../../../src/shared/boxes/model';

const box = (target: BoxRecord['target'], origin: string, extra: Partial<BoxRecord> = {}): BoxRecord => ({
  target,
  frame: 1,
  x1: 0,
  y1: 0,
  x2: 9,
  y2: 9,
  origin,
  ...extra,
});

const records = [
  box({ kind: 'sop', sopInstanceUid: '1.2.3' }, 'b.csv:2'),
  box({ kind: 'file', file: '.\\series 1\\IM0001' }, 'b.csv:3'),
  box({ kind: 'series-instance', seriesInstanceUid: '1.2.9', instanceNumber: 4 }, 'b.csv:4'),
  box({ kind: 'sop', sopInstanceUid: '9.9.9' }, 'b.csv:5'),
  box({ kind: 'sop', sopInstanceUid: '1.2.3' }, 'b.csv:6', { frame: 2 }),
];

describe('box index', () => {
  const index = createBoxIndex(records);

  it('finds boxes by SOP Instance UID, by file path and by series + instance number', () => {
    const found = boxesForImage(index, {
      sopInstanceUid: '1.2.3',
      seriesInstanceUid: '1.2.9',
      instanceNumber: 4,
      relativePath: 'series 1/IM0001',
    });
    expect(found.map((r) => r.origin)).toEqual(['b.csv:2', 'b.csv:6', 'b.csv:3', 'b.csv:4']);
  });

  it('matches nothing for another image or a missing instance number', () => {
    expect(
      boxesForImage(index, {
        sopInstanceUid: '5.5',
        seriesInstanceUid: '1.2.9',
        relativePath: 'series 1/IM0002',
      }),
    ).toEqual([]);
  });

  it('lists boxes whose origin matched no input', () => {
    const unmatched = unmatchedBoxes(index, new Set(['b.csv:2', 'b.csv:3', 'b.csv:4', 'b.csv:6']));
    expect(unmatched.map((r) => r.origin)).toEqual(['b.csv:5']);
  });

  it('normalises ./, backslashes and doubled separators in paths', () => {
    expect(normaliseRelativePath('.\\a\\.\\b//c.dcm')).toBe('a/b/c.dcm');
    expect(normaliseRelativePath('./a/b')).toBe('a/b');
  });
});

describe('toBurnBox and parseHexColor', () => {
  it('rounds corners to whole pixels, orders them and applies defaults', () => {
    const record = box({ kind: 'sop', sopInstanceUid: '1' }, 'x', {
      x1: 10.6,
      y1: 3.2,
      x2: 2.4,
      y2: 8.5,
      label: 'n',
    });
    expect(toBurnBox(record, { color: [255, 0, 0], thickness: 4 })).toEqual({
      x1: 2,
      y1: 3,
      x2: 11,
      y2: 9,
      color: [255, 0, 0],
      thickness: 4,
      label: 'n',
    });
  });

  it('prefers the row colour over the default', () => {
    const record = box({ kind: 'sop', sopInstanceUid: '1' }, 'x', { color: [1, 2, 3] });
    expect(toBurnBox(record, { color: [255, 0, 0], thickness: 2 }).color).toEqual([1, 2, 3]);
  });

  it("prefers the row's own outline thickness over the default", () => {
    const record = box({ kind: 'sop', sopInstanceUid: '1' }, 'x', { thickness: 7 });
    expect(toBurnBox(record, { color: [255, 0, 0], thickness: 2 }).thickness).toBe(7);
  });

  it('parses rrggbb and #rrggbb, nothing else', () => {
    expect(parseHexColor('ff8000')).toEqual([255, 128, 0]);
    expect(parseHexColor(' #00FF7f ')).toEqual([0, 255, 127]);
    expect(parseHexColor('#fff')).toBeUndefined();
    expect(parseHexColor('red')).toBeUndefined();
    expect(parseHexColor('ff80001')).toBeUndefined();
  });
});
