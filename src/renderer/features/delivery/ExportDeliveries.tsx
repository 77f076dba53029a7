/** Below the export's progress and result: the delivery started with the export, then "Send to…". */
import { DeliveryStatus } from './DeliveryStatus';
import { SendOutputs } from './SendOutputs';
import type { ExportSending } from './use-export-sending';

interface Props {
  sending: ExportSending;
  jobId: string | undefined;
  /** the export has ended: its files can be sent */
  ended: boolean;
}

export function ExportDeliveries({ sending, jobId, ended }: Props) {
  const { deliveryId, events } = sending;
  return (
    <>
      {deliveryId !== undefined ? <DeliveryStatus event={events[deliveryId]} /> : null}
      {ended && jobId !== undefined ? (
        <SendOutputs key={jobId} jobId={jobId} destinations={sending.destinations} events={events} />
      ) : null}
    </>
  );
}
