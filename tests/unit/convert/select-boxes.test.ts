import { describe, expect, it } from 'vitest';
import { selectBoxes } from '../../../src/main/convert/select-boxes';
import type { BoxRecord } from '../../../src/shared/boxes/model';

function record(origin: string, extra: Partial<BoxRecord> = {}): BoxRecord {
  return {
    target: { kind: 'file', file: 'a.dcm' },
    frame: 1,
    x1: 10,
    y1: 20,
    x2: 5,
    y2: 40,
    origin,
    ...extra,
  };
}

describe('selectBoxes', () => {
  const options = { color: [255, 0, 0] as const, thickness: 4, minScore: 0.5 };

  it('keeps a rejected finding for the report but does not draw it', () => {
    const result = selectBoxes(
      [
        record('b.csv:2', { review: 'rejected', id: 'f1' }),
        record('b.csv:3', { review: 'accepted' }),
        record('b.csv:4'),
      ],
      1,
      options,
    );
    expect(result.boxes.map((b) => b.box.review)).toEqual(['accepted', undefined]);
    expect(result.findings.map((b) => [b.box.id, b.box.review])).toEqual([
      ['f1', 'rejected'],
      [undefined, 'accepted'],
      [undefined, undefined],
    ]);
    expect(result.drawnOrigins).toEqual(['b.csv:3', 'b.csv:4']);
    expect(result.matchedOrigins).toEqual(['b.csv:2', 'b.csv:3', 'b.csv:4']);
  });

  it('drops boxes below --min-score but still counts them as matched', () => {
    const result = selectBoxes(
      [record('b.csv:2', { score: 0.4 }), record('b.csv:3', { score: 0.5 }), record('b.csv:4')],
      1,
      options,
    );
    expect(result.boxes.map((b) => b.box.y2)).toEqual([40, 40]);
    expect(result.matchedOrigins).toEqual(['b.csv:2', 'b.csv:3', 'b.csv:4']);
  });

  it('leaves a box naming a frame the image lacks unmatched', () => {
    const result = selectBoxes(
      [record('b.csv:2', { frame: 3 }), record('b.csv:3', { frame: 2 })],
      2,
      options,
    );
    expect(result.matchedOrigins).toEqual(['b.csv:3']);
    expect(result.boxes).toHaveLength(1);
    expect(result.boxes[0]?.frame).toBe(2);
  });

  it("orders corners and takes the row's colour over the default", () => {
    const result = selectBoxes([record('b.csv:2', { color: [0, 128, 255] })], 1, options);
    expect(result.boxes[0]?.box).toMatchObject({
      x1: 5,
      x2: 10,
      y1: 20,
      y2: 40,
      color: [0, 128, 255],
      thickness: 4,
    });
  });
});
