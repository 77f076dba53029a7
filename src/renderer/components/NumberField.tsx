/** A labelled numeric input that shows the current value and reports each valid number the user types. */
import { useState } from 'react';

interface Props {
  label: string;
  value: number | undefined;
  min?: number;
  onCommit(value: number): void;
}

export function NumberField({ label, value, min, onCommit }: Props) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const shown = draft ?? (value === undefined ? '' : String(Math.round(value * 100) / 100));
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step="any"
        min={min}
        value={shown}
        disabled={value === undefined}
        onFocus={() => setDraft(shown)}
        onBlur={() => setDraft(undefined)}
        onChange={(event) => {
          setDraft(event.target.value);
          const number = Number(event.target.value);
          if (
            event.target.value.trim() !== '' &&
            Number.isFinite(number) &&
            (min === undefined || number >= min)
          ) {
            onCommit(number);
          }
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
        }}
      />
    </label>
  );
}
