/** The Export dialog's "Only when every finding is reviewed" (as `convert --require-review`). */
export function RequireReviewChoice({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Only when every finding is reviewed
    </label>
  );
}
