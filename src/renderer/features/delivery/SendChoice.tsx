/** The Export dialog's "Send to PACS" choice: each output is sent as soon as it is verified (`convert --send`). */
import type { DestinationSummary } from '../../../shared/ipc/delivery';
import { DestinationPicker } from './DestinationPicker';
import type { DestinationChoice } from './destination-choice';

interface Props {
  list: readonly DestinationSummary[];
  choice: DestinationChoice;
  disabled: boolean;
  onChange(choice: DestinationChoice): void;
  /** withdraw the earlier version in the PACS once this one arrived (IHE IOCM, `--supersede`) */
  supersede: boolean;
  onSupersede(supersede: boolean): void;
}

export function SendChoice({ list, choice, disabled, onChange, supersede, onSupersede }: Props) {
  return (
    <fieldset disabled={disabled}>
      <legend>Send to PACS</legend>
      <DestinationPicker name="export-send" list={list} allowNone choice={choice} onChange={onChange} />
      {choice.mode !== 'none' ? (
        <>
          <p className="dialog-note">
            Each image is sent as soon as it is written and checked; a rerun sends only what is missing.
          </p>
          <label className="choice">
            <input
              type="checkbox"
              checked={supersede}
              onChange={(event) => onSupersede(event.target.checked)}
            />
            Replace the earlier version in the PACS
          </label>
          {supersede ? (
            <p className="dialog-note">
              Once every image of this version is delivered, a Rejection Note withdraws the earlier versions
              of these series sent to this destination; nothing is withdrawn if any image fails.
            </p>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
