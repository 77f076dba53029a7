/**
 * "Send to…" on an export's result: sends the files that export wrote (main keeps them by job id) to a
 * saved destination or a typed URL, then shows the delivery like the one started with the export.
 */
import { useState } from 'react';
import type { DeliveryEvent, DestinationSummary } from '../../../shared/ipc/delivery';
import { getApi } from '../../lib/api';
import { DeliveryStatus } from './DeliveryStatus';
import { DestinationPicker } from './DestinationPicker';
import {
  chosenDestination,
  initialChoice,
  withKnownSaved,
  type DestinationChoice,
} from './destination-choice';

interface Props {
  jobId: string;
  destinations: readonly DestinationSummary[];
  events: Record<string, DeliveryEvent>;
}

export function SendOutputs({ jobId, destinations, events }: Props) {
  const [open, setOpen] = useState(false);
  const [picked, setChoice] = useState<DestinationChoice>(() => initialChoice(destinations, false));
  const choice = withKnownSaved(picked, destinations);
  const [deliveryId, setDeliveryId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const event = deliveryId === undefined ? undefined : events[deliveryId];
  const sending = deliveryId !== undefined && (event === undefined || event.state === 'running');
  const to = chosenDestination(choice);

  const send = async (): Promise<void> => {
    if (to === undefined) return;
    setError(undefined);
    const answer = await getApi().invoke('delivery:send', { jobId, to });
    if (answer.ok) setDeliveryId(answer.value.deliveryId);
    else setError(answer.error);
  };

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Send to…
      </button>
    );
  return (
    <fieldset className="send-outputs">
      <legend>Send these files to a PACS</legend>
      <DestinationPicker
        name={`send-${jobId}`}
        list={destinations}
        allowNone={false}
        choice={choice}
        onChange={setChoice}
      />
      <button
        type="button"
        className="primary"
        disabled={sending || to === undefined}
        onClick={() => void send()}
      >
        {deliveryId === undefined ? 'Send' : 'Send again'}
      </button>
      {error ? (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      ) : null}
      {deliveryId !== undefined ? <DeliveryStatus event={event} /> : null}
    </fieldset>
  );
}
