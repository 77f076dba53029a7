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
  const image = { frames: 1, columns: 64, rows: 48 };

  it('keeps a rejected finding for the report but does not draw it', () => {
    const result = selectBoxes(
      [
        record('b.csv:2', { review: 'rejected', id: 'f1' }),
        record('b.csv:3', { review: 'accepted' }),
        record('b.csv:4'),
      ],
      image,
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
      image,
      options,
    );
    expect(result.boxes.map((b) => b.box.y2)).toEqual([40, 40]);
    expect(result.matchedOrigins).toEqual(['b.csv:2', 'b.csv:3', 'b.csv:4']);
  });

  it('leaves a box naming a frame the image lacks unmatched', () => {
    const result = selectBoxes(
      [record('b.csv:2', { frame: 3 }), record('b.csv:3', { frame: 2 })],
      { ...image, frames: 2 },
      options,
    );
    expect(result.matchedOrigins).toEqual(['b.csv:3']);
    expect(result.boxes).toHaveLength(1);
    expect(result.boxes[0]?.frame).toBe(2);
  });

  it("orders corners and takes the row's colour over the default", () => {
    const result = selectBoxes([record('b.csv:2', { color: [0, 128, 255] })], image, options);
    expect(result.boxes[0]?.box).toMatchObject({
      x1: 5,
      x2: 10,
      y1: 20,
      y2: 40,
      color: [0, 128, 255],
      thickness: 4,
    });
  });

  it('a box wholly outside the image is no finding of it: matched, listed as outside, not drawn or reported; one past an edge is drawn clipped', () => {
    const result = selectBoxes(
      [
        record('b.csv:2', { x1: 70, x2: 80 }),
        record('b.csv:3', { x1: 60, x2: 80 }),
        record('b.csv:4', { y1: -9, y2: -1, review: 'rejected' }),
      ],
      image,
      options,
    );
    expect(result.matchedOrigins).toEqual(['b.csv:2', 'b.csv:3', 'b.csv:4']);
    expect(result.clipped).toEqual([
      {
        origin: 'b.csv:2',
        outside: true,
        text: 'lies entirely outside the 64 x 48 image, so nothing of it is drawn',
      },
      {
        origin: 'b.csv:3',
        outside: false,
        text: 'extends past the right edge of the 64 x 48 image, so it is clipped',
      },
      {
        origin: 'b.csv:4',
        outside: true,
        text: 'lies entirely outside the 64 x 48 image, so nothing of it is drawn',
      },
    ]);
    // the box reaching past the right edge is drawn (clipped) and stays a finding
    expect(result.findings.map((f) => f.box.x1)).toEqual([60]);
    expect(result.drawnOrigins).toEqual(['b.csv:3']);
  });
});
