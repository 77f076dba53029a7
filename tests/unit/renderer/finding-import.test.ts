import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../../src/renderer/features/boxes/finding-import';
import type { EditorImage } from '../../../src/shared/editor';

const image: EditorImage = {
  sopInstanceUid: '1.2.3',
  seriesInstanceUid: '1.2',
  relativePath: 'series-1/IM1',
  columns: 64,
  rows: 64,
  frames: 1,
};
const style = { color: [255, 0, 0] as const, thickness: 2 };
const finding = {
  target: { kind: 'sop' as const, sopInstanceUid: '1.2.3' },
  frame: 1,
  x1: 4,
  y1: 4,
  x2: 9,
  y2: 9,
  origin: 'f:1',
};

describe('an import lists the files it placed findings from, each with the algorithm it names', () => {
  it('a placed source is listed with its algorithm (or none); a refused or empty one is not', () => {
    const outcome = outcomeOf(
      {
        sources: [
          { name: 'coco.json', findings: [finding], problems: [], notes: [], algorithm: { name: 'CocoNet' } },
          { name: 'boxes.csv', findings: [finding], problems: [], notes: [] },
          {
            name: 'far.json',
            findings: [{ ...finding, target: { kind: 'sop', sopInstanceUid: '9' } }],
            problems: [],
            notes: [],
          },
          {
            name: 'seg.dcm',
            findings: [],
            problems: [],
            notes: [],
            refused: 'fits no series',
            algorithm: { name: 'X' },
          },
        ],
      },
      [image],
      style,
    );
    expect(outcome.files).toEqual([
      { file: 'coco.json', algorithm: { name: 'CocoNet' } },
      { file: 'boxes.csv', algorithm: {} },
    ]);
    // each box remembers its file, so a file whose boxes are all deleted stops naming the algorithm
    expect(outcome.boxes.map((b) => b.source)).toEqual(['coco.json', 'boxes.csv']);
  });
});
