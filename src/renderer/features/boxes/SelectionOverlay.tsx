/**
 * The selected box's outline and resize handles, drawn over the canvas in a separate SVG layer with the
 * same transform: the canvas itself keeps exactly the pixels the export writes.
 */
import type { EditableBox, Viewport } from '../../../shared/editor';
import { HIT_TOLERANCE_PX } from './use-box-pointer';

interface Props {
  box: EditableBox | undefined;
  columns: number;
  rows: number;
  viewport: Viewport;
}

export function SelectionOverlay({ box, columns, rows, viewport }: Props) {
  if (!box) return null;
  const size = (2 * HIT_TOLERANCE_PX) / viewport.zoom;
  const left = box.x1;
  const right = box.x2 + 1;
  const top = box.y1;
  const bottom = box.y2 + 1;
  const midX = (left + right) / 2;
  const midY = (top + bottom) / 2;
  const handles: [number, number][] = [
    [left, top],
    [midX, top],
    [right, top],
    [right, midY],
    [right, bottom],
    [midX, bottom],
    [left, bottom],
    [left, midY],
  ];
  return (
    <svg
      className="selection-layer"
      data-testid="selection"
      width={columns}
      height={rows}
      viewBox={`0 0 ${columns} ${rows}`}
      style={{ transform: `translate(${viewport.panX}px, ${viewport.panY}px) scale(${viewport.zoom})` }}
      aria-hidden="true"
    >
      <rect
        x={left}
        y={top}
        width={right - left}
        height={bottom - top}
        className="selection-outline"
        vectorEffect="non-scaling-stroke"
      />
      {handles.map(([x, y], i) => (
        <rect
          key={i}
          className="selection-handle"
          x={x - size / 2}
          y={y - size / 2}
          width={size}
          height={size}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
