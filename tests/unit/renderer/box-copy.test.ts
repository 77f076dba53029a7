import { describe, expect, it } from 'vitest';
import { planCopy } from '../../../src/renderer/features/boxes/box-copy';
import type { EditableBox } from '../../../src/shared/editor';

const ordered = Array.from({ length: 10 }, (_, i) => ({ sliceKey: `1.2.${i + 1}`, frame: 1 }));
const on = (index: number, id: string): EditableBox => ({
  id,
  sliceKey: `1.2.${index + 1}`,
  frame: 1,
  x1: 5,
  y1: 6,
  x2: 30,
  y2: 40,
  color: [255, 0, 0],
  thickness: 2,
});

describe('copying a box to other slices', () => {
  const source = on(4, 'b1');

  it('to the next slice: one target, one new box, named in the note', () => {
    const plan = planCopy(source, [source], ordered, 5, 5);
    expect(plan.targets).toEqual([ordered[5]]);
    expect(plan.created).toEqual([5]);
    expect(plan.note).toBe('Copied the box to slice 6.');
  });

  it('to a range holding the box already on two slices: only the others get a copy', () => {
    const plan = planCopy(source, [source, on(5, 'b2')], ordered, 8, 4);
    expect(plan.targets).toHaveLength(5);
    expect(plan.created).toEqual([6, 7, 8]);
    expect(plan.note).toBe('Copied the box to 3 slices (7–9).');
  });

  it('says so when nothing is copied: every slice has the box, or the range lies past the series', () => {
    expect(planCopy(source, [source], ordered, 4, 4).note).toBe(
      'Nothing copied: slice 5 already has this box.',
    );
    expect(planCopy(source, [source, on(5, 'b2')], ordered, 4, 5).note).toBe(
      'Nothing copied: slices 5–6 already have this box.',
    );
    const past = planCopy(source, [source], ordered, 12, 20);
    expect(past.targets).toEqual([]);
    expect(past.note).toBe('No slice in that range: slices are numbered from 1 to the series length.');
  });
});
