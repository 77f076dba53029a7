/** The Export dialog's sending state: the destination chosen, the export's own delivery, and every event. */
import { useState } from 'react';
import type { DeliveryEvent, DestinationSummary } from '../../../shared/ipc/delivery';
import {
  chosenDestination,
  initialChoice,
  withKnownSaved,
  type DestinationChoice,
} from './destination-choice';
import { useDeliveryEvents } from './use-delivery-events';
import { useDestinations } from './use-destinations';

export interface ExportSending {
  destinations: readonly DestinationSummary[];
  choice: DestinationChoice;
  setChoice(choice: DestinationChoice): void;
  /** the destination for `export:start`, if sending was chosen */
  sendTo: string | undefined;
  /** sending was chosen but no destination named yet: the export waits */
  incomplete: boolean;
  events: Record<string, DeliveryEvent>;
  /** the delivery `export:start` opened, if any */
  deliveryId: string | undefined;
  started(deliveryId: string | undefined): void;
}

export function useExportSending(): ExportSending {
  const destinations = useDestinations();
  const events = useDeliveryEvents();
  const [picked, setChoice] = useState<DestinationChoice>(() => initialChoice([], true));
  const choice = withKnownSaved(picked, destinations.list);
  const [deliveryId, setDeliveryId] = useState<string | undefined>(undefined);
  const sendTo = chosenDestination(choice);
  return {
    destinations: destinations.list,
    choice,
    setChoice,
    sendTo,
    incomplete: choice.mode !== 'none' && sendTo === undefined,
    events,
    deliveryId,
    started: setDeliveryId,
  };
}
