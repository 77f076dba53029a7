import type { TwinFinding } from './types';

/**
 * The closed polyline of a box along its outer pixel edges, in PIXEL units (PS3.3 C.10.5.1.2 and
 * C.18.6.1.1: column\row, 0,0 the top-left corner of the top-left pixel): a box covering columns
 * x1..x2 and rows y1..y2 (inclusive) runs from (x1, y1) to (x2 + 1, y2 + 1). The first point is
 * repeated at the end (closed). Read back, the bounding rectangle gives x1 = min x, x2 = max x - 1.
 */
export function boxPolyline(finding: TwinFinding): [number, number][] {
  const left = finding.x1;
  const top = finding.y1;
  const right = finding.x2 + 1;
  const bottom = finding.y2 + 1;
  return [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
    [left, top],
  ];
}
