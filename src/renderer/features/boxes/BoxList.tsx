/** The boxes of the series (slice, label, pixel corners); a click selects the box and shows its slice. */
import type { ListedBox } from './series-boxes';

interface Props {
  listed: readonly ListedBox[];
  selectedId: string | undefined;
  onPick(entry: ListedBox): void;
}

export function BoxList({ listed, selectedId, onPick }: Props) {
  if (listed.length === 0) {
    return <p className="box-empty">No boxes in this series. Press “Draw box” (B) and drag on the image.</p>;
  }
  return (
    <ul className="box-list" aria-label="Boxes in this series">
      {listed.map((entry) => {
        const { box, index } = entry;
        const label = box.label ? ` · ${box.label}` : '';
        return (
          <li key={box.id}>
            <button
              type="button"
              className="box-item"
              aria-pressed={box.id === selectedId}
              onClick={() => onPick(entry)}
            >
              <span className="box-swatch" style={{ background: `rgb(${box.color.join(',')})` }} />
              <span>
                Slice {index + 1}
                {label}
              </span>
              <span className="box-coords">
                {box.x1},{box.y1} – {box.x2},{box.y2}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
