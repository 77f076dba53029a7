/**
 * A copy of the selected box to other slices of its series (a lesion spans several), as pure data: the
 * slices it goes to, which of them get a new box (a slice already holding the same box is left alone,
 * as the editor's copy edit does), and the sentence the panel shows afterwards.
 */
import {
  copyBoxToSlices,
  sameGeometry,
  slicesBetween,
  type EditableBox,
  type SliceRef,
} from '../../../shared/editor';

export interface CopyPlan {
  /** what the editor's 'copy-to-slices' edit receives */
  targets: SliceRef[];
  /** 0-based slice indices that receive a new box, ascending */
  created: number[];
  note: string;
}

/** `from`/`to` are 0-based and inclusive, in either order; they are clipped to the series. */
export function planCopy(
  box: EditableBox,
  boxes: readonly EditableBox[],
  ordered: readonly SliceRef[],
  from: number,
  to: number,
): CopyPlan {
  const lo = Math.max(0, Math.min(from, to));
  const targets = slicesBetween(ordered, from, to);
  const created: number[] = [];
  targets.forEach((target, offset) => {
    const [copy] = copyBoxToSlices(box, [target]);
    if (copy && !boxes.some((existing) => sameGeometry(existing, copy))) created.push(lo + offset);
  });
  return { targets, created, note: copyNote(created, lo, lo + targets.length - 1) };
}

function copyNote(created: readonly number[], lo: number, hi: number): string {
  const first = created[0];
  const last = created[created.length - 1];
  if (first === undefined || last === undefined) {
    return hi < lo
      ? 'No slice in that range: slices are numbered from 1 to the series length.'
      : `Nothing copied: slice${lo === hi ? ` ${lo + 1} already has` : `s ${lo + 1}–${hi + 1} already have`} this box.`;
  }
  if (created.length === 1) return `Copied the box to slice ${first + 1}.`;
  return `Copied the box to ${created.length} slices (${first + 1}–${last + 1}).`;
}
