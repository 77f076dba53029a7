/**
 * The slice scrollbar beside the image: where the shown slice lies in the series, a click or drag on the
 * track goes to the slice there, and every slice that carries findings has a mark in its colour that goes
 * to it (so a reader finds the lesion's slices without paging through the series).
 */
import type { SliceMark } from '../../../shared/editor';

interface Props {
  count: number;
  index: number;
  marks: readonly SliceMark[];
  onGoto(index: number): void;
}

/** Centre of slice `index` along the track, in percent. */
const at = (index: number, count: number): string => `${((index + 0.5) / Math.max(1, count)) * 100}%`;

function indexAt(event: React.PointerEvent<HTMLDivElement>, count: number): number {
  const rect = event.currentTarget.getBoundingClientRect();
  const fraction = rect.height > 0 ? (event.clientY - rect.top) / rect.height : 0;
  return Math.min(count - 1, Math.max(0, Math.floor(fraction * count)));
}

export function SliceBar({ count, index, marks, onGoto }: Props) {
  if (count < 1) return null;
  return (
    <div className="slice-bar">
      <div
        className="slice-track"
        role="scrollbar"
        aria-label="Slice scrollbar"
        aria-orientation="vertical"
        aria-valuemin={1}
        aria-valuemax={count}
        aria-valuenow={index + 1}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          onGoto(indexAt(event, count));
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) onGoto(indexAt(event, count));
        }}
      >
        <div className="slice-thumb" style={{ top: at(index, count) }} />
      </div>
      <ul className="slice-marks" aria-label="Slices with findings">
        {marks.map((mark) => (
          <li key={mark.index} style={{ top: at(mark.index, count) }}>
            <button
              type="button"
              className="slice-mark"
              aria-current={mark.index === index ? 'true' : undefined}
              aria-label={`Go to slice ${mark.index + 1} (${mark.count} finding${mark.count === 1 ? '' : 's'})`}
              title={`Slice ${mark.index + 1}: ${mark.count} finding${mark.count === 1 ? '' : 's'}`}
              style={{ background: `rgb(${mark.color.join(',')})` }}
              onClick={() => onGoto(mark.index)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
