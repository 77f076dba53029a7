import type { Rgb } from '../boxes/model';
import type { EditableBox } from './editable-box';

/** The findings of one label: how many, how many are mask outlines, on which slices, in which colour. */
export interface LabelGroup {
  /** '' for boxes without a label */
  label: string;
  color: Rgb;
  count: number;
  outlines: number;
  /** 0-based slice indices that carry the label, ascending */
  slices: number[];
}

/** The label a box is grouped and hidden under ('' = no label). */
export const labelKey = (box: Pick<EditableBox, 'label'>): string => box.label ?? '';

/** True unless the box's label is hidden. */
export function labelShown(box: Pick<EditableBox, 'label'>, hidden: readonly string[] | undefined): boolean {
  return hidden === undefined || !hidden.includes(labelKey(box));
}

/** Boxes (with their slice index) grouped by label, in order of first appearance; colour of the first. */
export function labelGroups(listed: readonly { box: EditableBox; index: number }[]): LabelGroup[] {
  const groups = new Map<string, LabelGroup & { seen: Set<number> }>();
  for (const { box, index } of listed) {
    const key = labelKey(box);
    let group = groups.get(key);
    if (group === undefined) {
      group = { label: key, color: box.color, count: 0, outlines: 0, slices: [], seen: new Set() };
      groups.set(key, group);
    }
    group.count++;
    if (box.region !== undefined) group.outlines++;
    group.seen.add(index);
  }
  return [...groups.values()].map(({ seen, ...group }) => ({
    ...group,
    slices: [...seen].sort((a, b) => a - b),
  }));
}

/** One mark per slice that carries findings: its index, how many findings, the colour of the first shown. */
export interface SliceMark {
  index: number;
  count: number;
  color: Rgb;
}

export function sliceMarks(listed: readonly { box: EditableBox; index: number }[]): SliceMark[] {
  const marks = new Map<number, SliceMark>();
  for (const { box, index } of listed) {
    const mark = marks.get(index);
    if (mark) mark.count++;
    else marks.set(index, { index, count: 1, color: box.color });
  }
  return [...marks.values()].sort((a, b) => a.index - b.index);
}
