/**
 * The library snapshot, refreshed on every scan:progress event. At most one request is in flight; events that
 * arrive meanwhile cause one more refresh afterwards, so the last state is never missed.
 */
import { useEffect, useState } from 'react';
import type { LibrarySnapshot } from '../../../shared/ipc/library';
import { getApi } from '../../lib/api';

const EMPTY: LibrarySnapshot = { version: 0, scans: [], patients: [], nonImages: [] };

export function useLibrary(): { snapshot: LibrarySnapshot; error: string | undefined } {
  const [snapshot, setSnapshot] = useState<LibrarySnapshot>(EMPTY);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    const api = getApi();
    let inFlight = false;
    let again = false;
    let live = true;
    const refresh = async (): Promise<void> => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      do {
        again = false;
        const result = await api.invoke('library:snapshot', {});
        if (!live) return;
        if (result.ok) {
          setSnapshot((previous) => (result.value.version >= previous.version ? result.value : previous));
          setError(undefined);
        } else setError(result.error);
      } while (again);
      inFlight = false;
    };
    const unsubscribe = api.on('scan:progress', () => void refresh());
    void refresh();
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  return { snapshot, error };
}
