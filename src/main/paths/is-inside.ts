import path from 'node:path';

/**
 * True when `child` is `root` itself or below it (both absolute). Decided by path segments with
 * path.relative: /data/study-evil is not inside /data/study, and a real entry named `..dotdot.dcm` is
 * inside (only a first segment that is exactly `..` leaves the root).
 */
export function isInside(root: string, child: string): boolean {
  const relative = path.relative(root, child);
  if (relative === '') return true;
  if (path.isAbsolute(relative)) return false; // another drive on Windows
  return relative.split(path.sep)[0] !== '..';
}
