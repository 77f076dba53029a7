/**
 * Where to send: "Don't send" (in the Export dialog), a saved destination, or a URL typed in one of the
 * accepted forms. The saved list is the CLI's; its entries are shown without secrets.
 */
import './delivery.css';
import type { DestinationSummary } from '../../../shared/ipc/delivery';
import type { ChoiceMode, DestinationChoice } from './destination-choice';

interface Props {
  /** names the radio group, so two pickers on one page stay apart */
  name: string;
  list: readonly DestinationSummary[];
  allowNone: boolean;
  choice: DestinationChoice;
  onChange(choice: DestinationChoice): void;
}

export function DestinationPicker({ name, list, allowNone, choice, onChange }: Props) {
  const valid = list.filter((d) => d.invalid === undefined);
  const set = (patch: Partial<DestinationChoice>): void => onChange({ ...choice, ...patch });
  const radio = (mode: ChoiceMode, label: string) => (
    <label className="choice">
      <input type="radio" name={name} checked={choice.mode === mode} onChange={() => set({ mode })} />
      {label}
    </label>
  );
  return (
    <div className="destination-picker">
      {allowNone ? radio('none', 'Don’t send') : null}
      {radio('saved', 'Saved destination')}
      <select
        aria-label="Saved destination name"
        value={choice.saved}
        disabled={choice.mode !== 'saved' || valid.length === 0}
        onChange={(event) => set({ saved: event.target.value })}
      >
        {valid.length === 0 ? <option value="">none saved (add them in Settings)</option> : null}
        {valid.map((d) => (
          <option key={d.name} value={d.name}>
            {d.name}: {d.description}
          </option>
        ))}
      </select>
      {radio('url', 'URL')}
      <input
        type="text"
        className="destination-url"
        aria-label="Destination URL"
        placeholder="dicom://AETITLE@host:port or http://host:8042/dicom-web"
        spellCheck={false}
        autoComplete="off"
        value={choice.url}
        disabled={choice.mode !== 'url'}
        onChange={(event) => set({ url: event.target.value })}
      />
    </div>
  );
}
