/** Review keys: R turns review mode on and off; in review mode N, P, Y, X, U run the review actions. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { reviewActionForKey } from './actions/register';
import type { ReviewContext } from './actions/review-action';

function typingInField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT')
    return true;
  return element.closest('[role="dialog"]') !== null;
}

export function useReviewKeys(reviewing: boolean, toggle: () => void, context: ReviewContext): void {
  const latest = useRef({ reviewing, toggle, context });
  useLayoutEffect(() => {
    latest.current = { reviewing, toggle, context };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (typingInField(event.target)) return;
      const { reviewing: on, toggle: flip, context: now } = latest.current;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && event.key.toLowerCase() === 'r') flip();
      else {
        const action = on ? reviewActionForKey(event) : undefined;
        if (action === undefined || !action.enabled(now)) return;
        action.perform(now);
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
