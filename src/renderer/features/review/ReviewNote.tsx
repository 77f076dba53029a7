/** A finding's verdict in the box list: " · rejected" (the item is struck through), " · edited", ... */
import type { EditableBox } from '../../../shared/editor';
import { reviewOf } from '../../../shared/review/review-state';

export function ReviewNote({ box }: { box: EditableBox }) {
  return <span className={`box-note review-note review-${reviewOf(box)}`}> · {reviewOf(box)}</span>;
}
