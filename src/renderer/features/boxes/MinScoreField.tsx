/**
 * The minimum score (0-1) below which boxes are neither shown nor exported; the same rule as the CLI's
 * `--min-score` (src/shared/boxes/min-score.ts). Boxes without a score are always kept.
 */
interface Props {
  value: number | undefined;
  disabled: boolean;
  onChange(value: number): void;
}

export function MinScoreField({ value, disabled, onChange }: Props) {
  return (
    <label className="text-field min-score">
      <span>Minimum score (view and export)</span>
      <input
        type="number"
        min={0}
        max={1}
        step={0.05}
        value={value ?? 0}
        disabled={disabled}
        onChange={(event) => {
          const number = Number(event.target.value);
          if (event.target.value.trim() !== '' && number >= 0 && number <= 1) onChange(number);
        }}
      />
    </label>
  );
}
