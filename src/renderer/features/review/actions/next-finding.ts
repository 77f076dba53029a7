import { stepFinding } from '../review-order';
import type { ReviewAction } from './review-action';

export const nextFinding: ReviewAction = {
  id: 'next-finding',
  key: 'n',
  label: 'Next',
  keyLabel: 'N',
  does: 'Review: next finding (its slice, centred)',
  enabled: (context) => context.findings.length > 0,
  perform(context) {
    const next = stepFinding(context.findings, context.current?.box.id, 1);
    if (next) context.show(next);
  },
};
