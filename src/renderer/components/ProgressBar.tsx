/** role=progressbar; without a known total it is indeterminate and says how far it got in words. */
interface Props {
  label: string;
  valueText: string;
  value?: number;
  max?: number;
}

export function ProgressBar({ label, valueText, value, max }: Props) {
  const fraction = value !== undefined && max ? Math.min(1, value / max) : undefined;
  return (
    <div
      className={`progress ${fraction === undefined ? 'progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuetext={valueText}
      aria-valuemin={fraction === undefined ? undefined : 0}
      aria-valuemax={fraction === undefined ? undefined : max}
      aria-valuenow={fraction === undefined ? undefined : value}
    >
      <div
        className="progress-fill"
        style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }}
      />
    </div>
  );
}
