import { stepFinding } from '../review-order';
import type { ReviewAction } from './review-action';

export const previousFinding: ReviewAction = {
  id: 'previous-finding',
  key: 'p',
  label: 'Previous',
  keyLabel: 'P',
  does: 'Review: previous finding',
  enabled: (context) => context.findings.length > 0,
  perform(context) {
    const previous = stepFinding(context.findings, context.current?.box.id, -1);
    if (previous) context.show(previous);
  },
};
