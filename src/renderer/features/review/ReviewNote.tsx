/**
 * A finding's verdict in the box list (" · rejected", the item struck through; " · edited"; " · accepted").
 * Nothing for a finding still unreviewed or a box the reader drew (accepted by its author): the list stays
 * as it was until a verdict is given.
 */
import type { EditableBox } from '../../../shared/editor';
import { reviewOf } from '../../../shared/review/review-state';

export function ReviewNote({ box }: { box: EditableBox }) {
  const review = reviewOf(box);
  if (review === 'unreviewed' || box.drawn === true) return null;
  return <span className={`box-note review-note review-${review}`}> · {review}</span>;
}
