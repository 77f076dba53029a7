import { verdict, type ReviewAction } from './review-action';

/** Restore: takes a verdict back (a corrected finding goes back to edited, any other to unreviewed). */
export const restoreFinding: ReviewAction = {
  id: 'restore-finding',
  key: 'u',
  label: 'Restore',
  keyLabel: 'U',
  does: 'Review: restore a rejected finding (take the verdict back)',
  enabled: (context) =>
    context.current?.box.review === 'rejected' || context.current?.box.review === 'accepted',
  perform(context) {
    verdict(
      context,
      (box) => ({
        kind: 'review',
        ids: [box.id],
        review: box.original !== undefined ? 'edited' : 'unreviewed',
      }),
      () => undefined,
    );
  },
};
