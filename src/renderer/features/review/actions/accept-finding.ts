import { nextUnreviewed } from '../review-order';
import { verdict, type ReviewAction } from './review-action';

/** Accept: the finding stays as it is (an `edited` one stays edited: it was accepted as corrected). */
export const acceptFinding: ReviewAction = {
  id: 'accept-finding',
  key: 'y',
  label: 'Accept',
  keyLabel: 'Y',
  does: 'Review: accept the finding, then go to the next unreviewed one',
  enabled: (context) => context.current !== undefined,
  perform(context) {
    verdict(
      context,
      (box) => (box.review === 'edited' ? undefined : { kind: 'review', ids: [box.id], review: 'accepted' }),
      (after) => {
        const next = nextUnreviewed(after.findings, after.current?.box.id);
        if (next) after.show(next);
      },
    );
  },
};
