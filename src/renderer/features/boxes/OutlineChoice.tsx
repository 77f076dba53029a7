/**
 * Where box outlines lie, as `convert --outline`: outside the box (the default: every pixel of the finding
 * stays visible) or inside its edge. Shown in the box panel (the viewer) and the Export dialog.
 */
import type { OutlinePlacement } from '../../../shared/boxes/model';

const OPTIONS: readonly { value: OutlinePlacement; text: string }[] = [
  { value: 'outside', text: 'Outside the box' },
  { value: 'inside', text: 'Inside the box edge' },
];

interface Props {
  value: OutlinePlacement;
  disabled?: boolean;
  onChange(value: OutlinePlacement): void;
}

export function OutlineChoice({ value, disabled = false, onChange }: Props) {
  return (
    <label className="text-field">
      <span>Box outline</span>
      <select
        aria-label="Box outline"
        title="Outside: every pixel of the finding stays visible. Inside: drawn inward from the box edge."
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value === 'inside' ? 'inside' : 'outside')}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}
