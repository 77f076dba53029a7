import type { Rgb } from '../boxes/model';
import { keepClippedEdges, sameGeometry, type EditableBox, type NewBox, type SliceRef } from './editable-box';
import { copyBoxToSlices } from './box-geometry';
import type { AuditEntry } from '../review/audit';
import { editedByReader, withReview } from '../review/finding-review';
import { reviewOf, type ReviewState } from '../review/review-state';

/** The undoable part of the editor: plain data, saved as-is in a session. */
export interface EditorDocument {
  boxes: EditableBox[];
  /** the next id to hand out (`b<n>`): ids stay unique across undo, redo and reloads */
  nextId: number;
  /** the review's audit trail, oldest first (src/shared/review/audit.ts); never undone */
  audit?: AuditEntry[];
}

/** Every change a user can make to the boxes; each one is one undo step. */
export type Edit =
  | { kind: 'add'; box: NewBox }
  /** replace the box with the same id (the result of a move or resize, committed on pointer-up) */
  | { kind: 'update'; box: EditableBox }
  | { kind: 'delete'; ids: readonly string[] }
  | { kind: 'copy-to-slices'; id: string; targets: readonly SliceRef[] }
  /** `replace`: ids of boxes the import takes the place of (the same boxes imported before), in one step */
  | { kind: 'import'; boxes: readonly NewBox[]; replace?: readonly string[] }
  /** the reader's verdict on findings (accept, reject, restore) */
  | { kind: 'review'; ids: readonly string[]; review: ReviewState }
  /** `label: null` removes the label */
  | { kind: 'set-style'; ids: readonly string[]; color?: Rgb; thickness?: number; label?: string | null };

export interface EditResult {
  document: EditorDocument;
  /** ids of the boxes the edit created or changed (what a UI selects afterwards); empty = nothing changed */
  changed: string[];
}

export const emptyDocument: EditorDocument = { boxes: [], nextId: 1 };

/** Applies one edit. An edit that changes nothing returns the same document object and no ids. */
export function applyToDocument(doc: EditorDocument, edit: Edit): EditResult {
  switch (edit.kind) {
    case 'add':
      // A box the reader draws is accepted by its author.
      return append(doc, [{ review: 'accepted', drawn: true, ...edit.box }]);
    case 'import':
      return importBoxes(doc, edit.boxes, new Set(edit.replace ?? []));
    case 'update':
      return update(doc, edit.box);
    case 'delete':
      return remove(doc, new Set(edit.ids));
    case 'copy-to-slices':
      return copyToSlices(doc, edit.id, edit.targets);
    case 'set-style':
      return setStyle(doc, edit);
    case 'review':
      return setReview(doc, edit.ids, edit.review);
  }
}

function setReview(doc: EditorDocument, ids: readonly string[], review: ReviewState): EditResult {
  const wanted = new Set(ids);
  const changed: string[] = [];
  const boxes = doc.boxes.map((box) => {
    if (!wanted.has(box.id) || reviewOf(box) === review) return box;
    changed.push(box.id);
    return withReview(box, review);
  });
  return changed.length === 0 ? { document: doc, changed } : { document: { ...doc, boxes }, changed };
}

function append(doc: EditorDocument, boxes: readonly NewBox[]): EditResult {
  if (boxes.length === 0) return { document: doc, changed: [] };
  const added = boxes.map((box, i) => ({ ...box, id: `b${doc.nextId + i}` }));
  return {
    document: { boxes: [...doc.boxes, ...added], nextId: doc.nextId + added.length },
    changed: added.map((b) => b.id),
  };
}

function importBoxes(
  doc: EditorDocument,
  boxes: readonly NewBox[],
  replace: ReadonlySet<string>,
): EditResult {
  if (replace.size === 0) return append(doc, boxes);
  const kept = { ...doc, boxes: doc.boxes.filter((b) => !replace.has(b.id)) };
  const added = append(kept, boxes);
  return added.changed.length === 0 && kept.boxes.length === doc.boxes.length
    ? { document: doc, changed: [] }
    : added;
}

/**
 * Boxes already in the document that an import would add again: same image, frame and pixels, label and
 * score (a box file imported twice). Their ids, in document order.
 */
export function duplicatesOf(existing: readonly EditableBox[], incoming: readonly NewBox[]): string[] {
  return existing
    .filter((box) =>
      incoming.some(
        (other) =>
          sameGeometry(box, other) && (box.label ?? '') === (other.label ?? '') && box.score === other.score,
      ),
    )
    .map((box) => box.id);
}

function update(doc: EditorDocument, next: EditableBox): EditResult {
  const index = doc.boxes.findIndex((b) => b.id === next.id);
  const current = doc.boxes[index];
  if (current === undefined || sameBox(current, next)) return { document: doc, changed: [] };
  const box = editedByReader(current, keepClippedEdges(current, next));
  const boxes = doc.boxes.slice();
  boxes[index] = box;
  return { document: { ...doc, boxes }, changed: [box.id] };
}

function remove(doc: EditorDocument, ids: ReadonlySet<string>): EditResult {
  const boxes = doc.boxes.filter((b) => !ids.has(b.id));
  if (boxes.length === doc.boxes.length) return { document: doc, changed: [] };
  return { document: { ...doc, boxes }, changed: doc.boxes.filter((b) => ids.has(b.id)).map((b) => b.id) };
}

/** Slices that already hold a box with the same pixels are skipped, so copying twice adds nothing. */
function copyToSlices(doc: EditorDocument, id: string, targets: readonly SliceRef[]): EditResult {
  const source = doc.boxes.find((b) => b.id === id);
  if (source === undefined) return { document: doc, changed: [] };
  const copies = copyBoxToSlices(source, targets).filter(
    (copy) => !doc.boxes.some((existing) => sameGeometry(existing, copy)),
  );
  return append(doc, copies);
}

function setStyle(doc: EditorDocument, edit: Extract<Edit, { kind: 'set-style' }>): EditResult {
  const ids = new Set(edit.ids);
  const changed: string[] = [];
  const boxes = doc.boxes.map((box) => {
    if (!ids.has(box.id)) return box;
    const next: EditableBox = { ...box };
    if (edit.color !== undefined) next.color = edit.color;
    if (edit.thickness !== undefined) next.thickness = edit.thickness;
    if (edit.label === null) delete next.label;
    else if (edit.label !== undefined) next.label = edit.label;
    if (sameBox(box, next)) return box;
    changed.push(box.id);
    return next.label === box.label ? next : editedByReader(box, next);
  });
  return changed.length === 0 ? { document: doc, changed } : { document: { ...doc, boxes }, changed };
}

function sameBox(a: EditableBox, b: EditableBox): boolean {
  return (
    a.review === b.review &&
    sameGeometry(a, b) &&
    a.id === b.id &&
    a.label === b.label &&
    a.thickness === b.thickness &&
    a.score === b.score &&
    a.color[0] === b.color[0] &&
    a.color[1] === b.color[1] &&
    a.color[2] === b.color[2]
  );
}
