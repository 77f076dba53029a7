/** The saved destinations (the CLI's destinations.json), loaded from main; no secret ever reaches here. */
import { useCallback, useEffect, useState } from 'react';
import type { DestinationSummary } from '../../../shared/ipc/delivery';
import { getApi } from '../../lib/api';

const listDestinations = () => getApi().invoke('destinations:list', {});

export interface Destinations {
  list: readonly DestinationSummary[];
  /** where they are saved */
  file: string;
  error: string | undefined;
  reload(): Promise<void>;
}

export function useDestinations(): Destinations {
  const [list, setList] = useState<readonly DestinationSummary[]>([]);
  const [file, setFile] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const apply = useCallback((answer: Awaited<ReturnType<typeof listDestinations>>) => {
    if (answer.ok) {
      setList(answer.value.destinations);
      setFile(answer.value.file);
      setError(undefined);
    } else setError(answer.error);
  }, []);
  const reload = useCallback(async () => apply(await listDestinations()), [apply]);
  useEffect(() => {
    void listDestinations().then(apply);
  }, [apply]);
  return { list, file, error, reload };
}
