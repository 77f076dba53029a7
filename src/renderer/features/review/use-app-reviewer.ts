/**
 * The app-wide reviewer named in Settings (main keeps it in reviewer.json): loaded once, shared by every
 * component that reads it, and saved through `reviewer:set`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { getApi } from '../../lib/api';

interface ReviewerState {
  reviewer: string | undefined;
  loaded: boolean;
  error: string | undefined;
}

let state: ReviewerState = { reviewer: undefined, loaded: false, error: undefined };
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function update(next: Partial<ReviewerState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function load(): Promise<void> {
  loading ??= getApi()
    .invoke('reviewer:get', {})
    .then((answer) =>
      update(
        answer.ok
          ? { reviewer: answer.value.reviewer ?? undefined, loaded: true, error: undefined }
          : { loaded: true, error: answer.error },
      ),
    );
  return loading;
}

/** Saves the app-wide reviewer; answers why it was refused, or undefined once saved. */
export async function saveAppReviewer(text: string): Promise<string | undefined> {
  const answer = await getApi().invoke('reviewer:set', { reviewer: text });
  if (!answer.ok) return answer.error;
  update({ reviewer: answer.value.reviewer, error: undefined });
  return undefined;
}

export function useAppReviewer(): ReviewerState {
  useEffect(() => void load(), []);
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
