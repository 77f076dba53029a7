/**
 * In the "everything open" export with a CT preset: each file the preset does not fit (not CT, or CT not
 * rescaled to Hounsfield units; src/shared/presets-fit.ts decides per file) gets its own window instead of
 * coming out white or black. The series known not to be CT are named.
 */
interface Props {
  checked: boolean;
  notCtSeries: readonly string[];
  onChange(checked: boolean): void;
}

export function OwnWindowChoice({ checked, notCtSeries, onChange }: Props) {
  return (
    <div className="own-window-choice">
      <label className="choice">
        <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        Each file&apos;s own window where the preset does not fit (not CT, or CT not in HU)
      </label>
      {notCtSeries.length > 0 ? (
        <p className="dialog-note">
          Not CT: {notCtSeries.slice(0, 5).join('; ')}
          {notCtSeries.length > 5 ? ` and ${notCtSeries.length - 5} more` : ''}
        </p>
      ) : null}
    </div>
  );
}
