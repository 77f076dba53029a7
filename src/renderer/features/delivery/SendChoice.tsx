/** The Export dialog's "Send to PACS" choice: each output is sent as soon as it is verified (`convert --send`). */
import type { DestinationSummary } from '../../../shared/ipc/delivery';
import { DestinationPicker } from './DestinationPicker';
import type { DestinationChoice } from './destination-choice';

interface Props {
  list: readonly DestinationSummary[];
  choice: DestinationChoice;
  disabled: boolean;
  onChange(choice: DestinationChoice): void;
}

export function SendChoice({ list, choice, disabled, onChange }: Props) {
  return (
    <fieldset disabled={disabled}>
      <legend>Send to PACS</legend>
      <DestinationPicker name="export-send" list={list} allowNone choice={choice} onChange={onChange} />
      {choice.mode !== 'none' ? (
        <p className="dialog-note">
          Each image is sent as soon as it is written and checked; a rerun sends only what is missing.
        </p>
      ) : null}
    </fieldset>
  );
}
