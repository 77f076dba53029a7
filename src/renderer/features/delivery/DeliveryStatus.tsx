/**
 * One delivery in the Export dialog: while it runs, a bar with count, rate and time left and a Cancel
 * button; at the end, "N delivered" and every instance's outcome (problems first).
 */
import './delivery.css';
import type { DeliveryEvent } from '../../../shared/ipc/delivery';
import { ProgressBar } from '../../components/ProgressBar';
import { getApi } from '../../lib/api';
import {
  deliveryProgressText,
  deliverySummaryText,
  outcomeDetailText,
  outcomeKindText,
  somethingLeft,
} from './delivery-text';

export function DeliveryStatus({ event }: { event: DeliveryEvent | undefined }) {
  if (!event) return <p className="muted">Connecting…</p>;
  switch (event.state) {
    case 'running': {
      const text = deliveryProgressText(event);
      const done = event.delivered + event.failed + event.skipped;
      return (
        <div className="delivery-running" data-testid="delivery-running">
          <p>Sending to {event.target}</p>
          <ProgressBar
            label="Sending progress"
            valueText={text}
            {...(event.allQueued && event.queued > 0 ? { value: done, max: event.queued } : {})}
          />
          <p data-testid="delivery-progress-text">{text}</p>
          <button
            type="button"
            onClick={() => void getApi().invoke('delivery:cancel', { deliveryId: event.deliveryId })}
          >
            Cancel sending
          </button>
        </div>
      );
    }
    case 'failed':
      return (
        <p className="dialog-error" role="alert">
          {event.reason}
        </p>
      );
    case 'completed':
    case 'cancelled':
      return (
        <div className="delivery-result" data-testid="delivery-result">
          <p className={somethingLeft(event) ? 'delivery-summary partial' : 'delivery-summary'}>
            {deliverySummaryText(event)}
          </p>
          {somethingLeft(event) ? (
            <p className="muted">
              Nothing was deleted. Send again to deliver the rest: what already arrived is not sent twice.
            </p>
          ) : null}
          {event.logError ? <p className="muted">Warning: {event.logError}</p> : null}
          {event.superseded ? <p data-testid="delivery-superseded">{event.superseded}</p> : null}
          <ul className="delivery-outcomes" aria-label="Instances sent">
            {event.outcomes.map((o) => (
              <li key={o.file} className={`outcome-${o.kind}`}>
                <strong>{outcomeKindText(o.kind)}</strong> <code>{o.file}</code>
                {outcomeDetailText(o) ? `: ${outcomeDetailText(o)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}
