import { describe, expect, it } from 'vitest';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { exportableBoxes, importBoxRecords, type EditorImage } from '../../../src/shared/editor/box-io';
import { defaultBoxStyle, type EditableBox } from '../../../src/shared/editor/editable-box';

const images: EditorImage[] = [
  {
    sopInstanceUid: '1.2.9.1',
    seriesInstanceUid: '1.2.9',
    instanceNumber: 1,
    relativePath: 'ct/1.dcm',
    columns: 64,
    rows: 32,
    frames: 1,
  },
  {
    sopInstanceUid: '1.2.9.2',
    seriesInstanceUid: '1.2.9',
    instanceNumber: 2,
    relativePath: 'ct/2.dcm',
    columns: 64,
    rows: 32,
    frames: 3,
  },
];

type Row = Omit<BoxRecord, 'region'>;

function record(target: BoxRecord['target'], origin: string, extra: Partial<Row> = {}): Row {
  return { target, frame: 1, x1: 4, y1: 5, x2: 20, y2: 25, origin, ...extra };
}

describe('importBoxRecords', () => {
  it('matches rows by SOP UID, file and series + instance number, in file order', () => {
    const result = importBoxRecords(
      [
        record({ kind: 'series-instance', seriesInstanceUid: '1.2.9', instanceNumber: 2 }, 'b.csv:2', {
          frame: 3,
        }),
        record({ kind: 'file', file: './ct/1.dcm' }, 'b.csv:3', {
          color: [0, 0, 255],
          label: 'kidney',
          score: 0.5,
        }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:4', { thickness: 9 }),
      ],
      images,
      defaultBoxStyle,
    );
    expect(result.unmatched).toEqual([]);
    expect(result.boxes.map((b) => `${b.sliceKey}#${b.frame}`)).toEqual([
      '1.2.9.2#3',
      '1.2.9.1#1',
      '1.2.9.1#1',
    ]);
    expect(result.boxes[1]).toMatchObject({ color: [0, 0, 255], thickness: 4, label: 'kidney', score: 0.5 });
    expect(result.boxes[0]?.color).toEqual([255, 0, 0]);
    expect(result.boxes.map((b) => b.thickness)).toEqual([4, 4, 9]);
  });

  it('reports rows naming no image, a missing frame, or pixels outside the image; clips the rest', () => {
    const result = importBoxRecords(
      [
        record({ kind: 'sop', sopInstanceUid: '9.9' }, 'b.csv:2'),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:3', { frame: 2 }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:4', { x1: 70, x2: 90 }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:5', { x2: 100, y2: 40 }),
      ],
      images,
      defaultBoxStyle,
    );
    expect(result.unmatched.map((u) => u.origin).sort()).toEqual(['b.csv:2', 'b.csv:3', 'b.csv:4']);
    expect(result.unmatched.find((u) => u.origin === 'b.csv:3')?.reason).toBe(
      'frame 2 does not exist: the image has 1 frame(s)',
    );
    expect(result.boxes).toHaveLength(1);
    expect(result.boxes[0]).toMatchObject({ x1: 4, y1: 5, x2: 63, y2: 31 });
  });

  it('keeps which edges a box was clipped at, on the box and in the report, as the CLI words it', () => {
    const result = importBoxRecords(
      [
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:2', { x2: 100, y2: 40 }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:3', { x1: -3 }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:4'),
      ],
      images,
      defaultBoxStyle,
    );
    expect(result.boxes.map((b) => b.clippedEdges)).toEqual([['right', 'bottom'], ['left'], undefined]);
    expect(result.clipped).toEqual([
      {
        origin: 'b.csv:2',
        reason: 'extends past the right and bottom edges of the 64 x 32 image, so it is clipped',
      },
      { origin: 'b.csv:3', reason: 'extends past the left edge of the 64 x 32 image, so it is clipped' },
    ]);
    expect(result.boxes[1]).toMatchObject({ x1: 0, x2: 20 });
  });
});

describe('exportableBoxes', () => {
  it('writes every identifier of the image a box is on', () => {
    const box: EditableBox = {
      id: 'b1',
      sliceKey: '1.2.9.2',
      frame: 2,
      x1: 1,
      y1: 2,
      x2: 3,
      y2: 4,
      color: [1, 2, 3],
      thickness: 4,
      label: 'x',
    };
    expect(exportableBoxes([box], images)).toEqual([
      {
        sopInstanceUid: '1.2.9.2',
        seriesInstanceUid: '1.2.9',
        instanceNumber: 2,
        file: 'ct/2.dcm',
        frame: 2,
        x1: 1,
        y1: 2,
        x2: 3,
        y2: 4,
        color: [1, 2, 3],
        thickness: 4,
        label: 'x',
      },
    ]);
  });

  it("keeps who found a box through a saved box file: the reader's drawn boxes come back as drawn", () => {
    const drawn: EditableBox = {
      id: 'b1',
      sliceKey: '1.2.9.1',
      frame: 1,
      x1: 1,
      y1: 2,
      x2: 3,
      y2: 4,
      color: [1, 2, 3],
      thickness: 2,
      drawn: true,
    };
    const [row] = exportableBoxes([drawn], images);
    expect(row?.finder).toBe('reader');
    const back = importBoxRecords(
      [
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:2', { finder: 'reader' }),
        record({ kind: 'sop', sopInstanceUid: '1.2.9.1' }, 'b.csv:3'),
      ],
      images,
      defaultBoxStyle,
    );
    expect(back.boxes.map((b) => b.drawn)).toEqual([true, undefined]);
  });
});
