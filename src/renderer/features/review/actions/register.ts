/** Every review action, in the order Help and the review bar list them (one object per file). */
import { acceptFinding } from './accept-finding';
import { nextFinding } from './next-finding';
import { previousFinding } from './previous-finding';
import { rejectFinding } from './reject-finding';
import { restoreFinding } from './restore-finding';
import type { ReviewAction } from './review-action';

export const REVIEW_ACTIONS: readonly ReviewAction[] = [
  previousFinding,
  nextFinding,
  acceptFinding,
  rejectFinding,
  restoreFinding,
];

/** The action a key press runs in review mode, or undefined (modifier keys never run one). */
export function reviewActionForKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ReviewAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  return REVIEW_ACTIONS.find((action) => action.key === key);
}

/** Help's rows for the review keys (R toggles review mode itself). */
export const REVIEW_SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'R', does: 'Review mode on / off (walk the findings, give each a verdict)' },
  ...REVIEW_ACTIONS.map((action) => ({ keys: action.keyLabel, does: action.does })),
];
