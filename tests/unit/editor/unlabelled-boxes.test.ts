import { describe, expect, it } from 'vitest';
import { drawBoxes } from '../../../src/shared/boxes/draw';
import { toBurnBox, type EditableBox } from '../../../src/shared/editor/editable-box';
import { unlabelledBoxIds } from '../../../src/shared/editor/unlabelled-boxes';

const bounds = { columns: 12, rows: 12 };
function box(id: string, x1: number, y1: number, x2: number, y2: number, extra: Partial<EditableBox> = {}) {
  return {
    id,
    sliceKey: 's1',
    frame: 1,
    x1,
    y1,
    x2,
    y2,
    color: [255, 0, 0],
    thickness: 1,
    ...extra,
  } as EditableBox;
}

// A 12 x 12 image filled by one labelled box: its label fits neither outside nor inside.
const crowded = box('b1', 0, 0, 11, 11, { label: 'a very long label that fits nowhere' });
// On another slice, a small box whose label has room below it.
const roomy = box('b2', 0, 0, 2, 2, { label: 'x', sliceKey: 's2' });

describe('unlabelledBoxIds', () => {
  it('names the boxes whose label the canvas leaves out, the same the shared drawing leaves out', () => {
    const ids = unlabelledBoxIds([crowded, roomy], bounds, { labels: true });
    expect([...ids]).toEqual(['b1']);
    const image = { data: new Uint8Array(12 * 12 * 3), columns: 12, rows: 12 };
    expect(drawBoxes(image, [toBurnBox(crowded)], { labels: true }).unplaced).toEqual([0]);
  });

  it('marks nothing when labels are off, and leaves out boxes the minimum score or a hidden label hides', () => {
    expect(unlabelledBoxIds([crowded], bounds, { labels: false }).size).toBe(0);
    const weak = { ...crowded, score: 0.2 };
    expect(unlabelledBoxIds([weak], bounds, { labels: true, minScore: 0.5 }).size).toBe(0);
    expect(
      unlabelledBoxIds([crowded], bounds, {
        labels: true,
        hiddenLabels: ['a very long label that fits nowhere'],
      }).size,
    ).toBe(0);
  });
});
