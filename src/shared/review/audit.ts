/**
 * The review's audit trail: who changed a finding's verdict, geometry or label, when, and what it was
 * before and after. Entries are derived from two editor documents (before and after one user action),
 * so every path that changes a finding (a verdict, a move, a relabel, undo, redo) is recorded alike.
 */
import { sameGeometry, type EditableBox } from '../editor/editable-box';
import { reviewOf, type ReviewState } from './review-state';

/** What the trail keeps of a finding at one moment. */
export interface FindingSnapshot {
  review: ReviewState;
  sliceKey: string;
  frame: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label?: string;
}

export interface AuditEntry {
  /** the editor's box id */
  boxId: string;
  /** the reviewer (DICOM PN) or "" when none was named yet */
  who: string;
  /** ISO 8601 time */
  when: string;
  /** the user action: a verdict, an edit, undo or redo */
  action: string;
  before: FindingSnapshot;
  after: FindingSnapshot;
}

export function snapshot(box: EditableBox): FindingSnapshot {
  const shot: FindingSnapshot = {
    review: reviewOf(box),
    sliceKey: box.sliceKey,
    frame: box.frame,
    x1: box.x1,
    y1: box.y1,
    x2: box.x2,
    y2: box.y2,
  };
  if (box.label !== undefined) shot.label = box.label;
  return shot;
}

function sameSnapshot(a: FindingSnapshot, b: FindingSnapshot): boolean {
  return a.review === b.review && a.label === b.label && sameGeometry(a, b);
}

/**
 * One entry per finding whose verdict, place or label differs between `before` and `after` (boxes
 * added or removed are not review changes: an import or a drawing brings its own state).
 */
export function auditEntries(
  before: readonly EditableBox[],
  after: readonly EditableBox[],
  context: { who: string; when: string; action: string },
): AuditEntry[] {
  const earlier = new Map(before.map((b) => [b.id, b]));
  const entries: AuditEntry[] = [];
  for (const box of after) {
    const previous = earlier.get(box.id);
    if (previous === undefined || previous === box) continue;
    const [from, to] = [snapshot(previous), snapshot(box)];
    if (sameSnapshot(from, to)) continue;
    entries.push({ boxId: box.id, ...context, before: from, after: to });
  }
  return entries;
}
