/**
 * Loads the session of each opened folder once, and sends every change back to main, which debounces the
 * writes (src/main/session): boxes and settings survive a reload, a restart or a crash.
 */
import { useEffect, useRef, useState, type Dispatch } from 'react';
import { getApi } from '../../lib/api';
import type { BoxesAction, BoxesState } from './box-state';

export function useBoxSession(
  state: BoxesState,
  dispatch: Dispatch<BoxesAction>,
  folder: string | undefined,
): string | undefined {
  const [warning, setWarning] = useState<string | undefined>(undefined);
  const requested = useRef(new Set<string>());
  /** what was last sent (or loaded) per folder, so an unchanged session is not sent again */
  const sent = useRef(new Map<string, unknown>());

  useEffect(() => {
    if (folder === undefined || requested.current.has(folder)) return;
    requested.current.add(folder);
    void getApi()
      .invoke('session:load', { folder })
      .then((result) => {
        if (!result.ok) {
          setWarning(result.error);
          return;
        }
        if (result.value.warning) setWarning(result.value.warning);
        dispatch({ type: 'loaded', folder, session: result.value });
      });
  }, [folder, dispatch]);

  useEffect(() => {
    for (const [name, entry] of Object.entries(state.folders)) {
      const payload = { document: entry.editor.document, settings: entry.settings };
      const previous = sent.current.get(name);
      if (previous === undefined) {
        // The first state of a folder is what was just loaded: nothing to save yet.
        sent.current.set(name, payload);
        continue;
      }
      const before = previous as typeof payload;
      if (before.document === payload.document && before.settings === payload.settings) continue;
      sent.current.set(name, payload);
      void getApi()
        .invoke('session:save', { folder: name, ...payload })
        .then((result) => {
          if (!result.ok) setWarning(`Your boxes could not be saved: ${result.error}`);
        });
    }
  }, [state.folders]);

  return warning;
}
