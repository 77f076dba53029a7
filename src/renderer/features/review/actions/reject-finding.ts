import { nextUnreviewed } from '../review-order';
import { verdict, type ReviewAction } from './review-action';

/** Reject: never burned in nor drawn in the presentation state; the report keeps it as rejected. */
export const rejectFinding: ReviewAction = {
  id: 'reject-finding',
  key: 'x',
  label: 'Reject',
  keyLabel: 'X',
  does: 'Review: reject the finding (kept in the list and the report, not burned in)',
  enabled: (context) => context.current !== undefined,
  perform(context) {
    verdict(
      context,
      (box) => ({ kind: 'review', ids: [box.id], review: 'rejected' }),
      (after) => {
        const next = nextUnreviewed(after.findings, after.current?.box.id);
        if (next) after.show(next);
      },
    );
  },
};
