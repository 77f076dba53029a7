/** How a reader's actions change a finding's verdict (pure; used by the editor's edits). */
import type { EditableBox } from '../editor/editable-box';
import type { ReviewState } from './review-state';

/** The finding with a new verdict; `unreviewed` is stored as no verdict (the default). */
export function withReview(box: EditableBox, review: ReviewState): EditableBox {
  if (review !== 'unreviewed') return { ...box, review };
  const { review: _dropped, ...rest } = box;
  return rest;
}

/** True when the place or label differs (what makes an accepted finding `edited`). */
function movedOrRelabelled(before: EditableBox, after: EditableBox): boolean {
  return (
    before.x1 !== after.x1 ||
    before.y1 !== after.y1 ||
    before.x2 !== after.x2 ||
    before.y2 !== after.y2 ||
    before.label !== after.label
  );
}

/**
 * `after` is `before` moved, resized or relabelled by the reader: a finding from a model or a file then
 * becomes `edited` (accepted as the reader corrected it), keeping where it was and its label before the
 * first edit. A box the reader drew stays accepted; a rejected finding stays rejected.
 */
export function editedByReader(before: EditableBox, after: EditableBox): EditableBox {
  if (before.drawn === true || before.review === 'rejected' || !movedOrRelabelled(before, after))
    return after;
  const original = before.original ?? {
    x1: before.x1,
    y1: before.y1,
    x2: before.x2,
    y2: before.y2,
    ...(before.label !== undefined ? { label: before.label } : {}),
  };
  return { ...after, review: 'edited', original };
}
