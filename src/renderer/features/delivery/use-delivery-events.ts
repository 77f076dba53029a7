/** The latest event of every delivery this window has seen, by delivery id. */
import { useEffect, useState } from 'react';
import type { DeliveryEvent } from '../../../shared/ipc/delivery';
import { getApi } from '../../lib/api';

export function useDeliveryEvents(): Record<string, DeliveryEvent> {
  const [events, setEvents] = useState<Record<string, DeliveryEvent>>({});
  useEffect(
    () =>
      getApi().on('delivery:progress', (event) =>
        setEvents((all) => {
          // A late running event never replaces the end.
          const known = all[event.deliveryId];
          if (known && known.state !== 'running' && event.state === 'running') return all;
          return { ...all, [event.deliveryId]: event };
        }),
      ),
    [],
  );
  return events;
}
