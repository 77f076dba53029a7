/**
 * The labels of the series' findings: colour, name, how many findings (mask outlines and boxes) on how
 * many slices, and a checkbox that hides a label in the viewer and leaves it out of the export.
 */
import type { LabelGroup } from '../../../shared/editor';

interface Props {
  groups: readonly LabelGroup[];
  hidden: readonly string[];
  onToggle(label: string, shown: boolean): void;
}

function counts(group: LabelGroup): string {
  const boxes = group.count - group.outlines;
  const parts = [
    ...(group.outlines > 0 ? [`${group.outlines} outline${group.outlines === 1 ? '' : 's'}`] : []),
    ...(boxes > 0 ? [`${boxes} box${boxes === 1 ? '' : 'es'}`] : []),
  ];
  const slices = group.slices.length;
  return `${parts.join(' + ')} on ${slices} slice${slices === 1 ? '' : 's'}`;
}

export function LabelList({ groups, hidden, onToggle }: Props) {
  if (groups.length === 0) return null;
  return (
    <ul className="label-list" aria-label="Labels in this series">
      {groups.map((group) => {
        const name = group.label === '' ? '(no label)' : group.label;
        const shown = !hidden.includes(group.label);
        return (
          <li key={group.label} className={shown ? undefined : 'box-hidden'}>
            <label className="choice">
              <input
                type="checkbox"
                checked={shown}
                aria-label={`Show ${name}`}
                onChange={(event) => onToggle(group.label, event.target.checked)}
              />
              <span className="box-swatch" style={{ background: `rgb(${group.color.join(',')})` }} />
              <span className="label-name">{name}</span>
              <span className="box-note" data-testid="label-counts">
                {' '}
                · {counts(group)}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
