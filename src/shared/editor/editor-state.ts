import type { EditableBox, SliceRef } from './editable-box';
import { isOnSlice } from './editable-box';
import { applyToDocument, emptyDocument, type Edit, type EditorDocument } from './edits';

/**
 * The undoable editor: the present document plus bounded stacks of earlier and undone documents.
 * Undo/redo is a history of whole states (Excalidraw's model): documents are immutable plain objects that
 * share unchanged boxes, so keeping 100 of them costs little.
 */
export interface EditorState {
  document: EditorDocument;
  past: EditorDocument[];
  future: EditorDocument[];
  /** the most undo steps kept; older ones are dropped */
  historyLimit: number;
  /** ids created or changed by the last apply/undo/redo (a UI selects them) */
  lastChanged: string[];
}

export const defaultHistoryLimit = 100;

export function createEditorState(
  document: EditorDocument = emptyDocument,
  historyLimit = defaultHistoryLimit,
): EditorState {
  return { document, past: [], future: [], historyLimit, lastChanged: [] };
}

/**
 * Applies an edit as one undo step. A new edit clears the redo stack (Ctrl+Shift+Z then has nothing to
 * redo); an edit that changes nothing leaves the state, and both stacks, untouched.
 */
export function applyEdit(state: EditorState, edit: Edit): EditorState {
  const { document, changed } = applyToDocument(state.document, edit);
  if (document === state.document) return state;
  const past = [...state.past, state.document];
  if (past.length > state.historyLimit) past.splice(0, past.length - state.historyLimit);
  return { ...state, document, past, future: [], lastChanged: changed };
}

export function canUndo(state: EditorState): boolean {
  return state.past.length > 0;
}

export function canRedo(state: EditorState): boolean {
  return state.future.length > 0;
}

/** Ctrl+Z: back to the previous document; nothing to undo returns the same state. */
export function undo(state: EditorState): EditorState {
  const previous = state.past[state.past.length - 1];
  if (previous === undefined) return state;
  return {
    ...state,
    document: keepIdCounter(previous, state.document),
    past: state.past.slice(0, -1),
    future: [state.document, ...state.future],
    lastChanged: changedBetween(state.document, previous),
  };
}

/** Ctrl+Shift+Z: re-apply the last undone document. */
export function redo(state: EditorState): EditorState {
  const [next, ...rest] = state.future;
  if (next === undefined) return state;
  return {
    ...state,
    document: keepIdCounter(next, state.document),
    past: [...state.past, state.document],
    future: rest,
    lastChanged: changedBetween(state.document, next),
  };
}

/** The boxes drawn on one image, in drawing order (what `hitTest` expects). */
export function boxesOnSlice(state: EditorState, slice: SliceRef): EditableBox[] {
  return state.document.boxes.filter((b) => isOnSlice(b, slice));
}

export function findBox(state: EditorState, id: string): EditableBox | undefined {
  return state.document.boxes.find((b) => b.id === id);
}

/**
 * Ids are never handed out twice, even after undo: a UI holding an undone id cannot hit a new box. The
 * review's audit trail is not undone either (undo itself is recorded as a change).
 */
function keepIdCounter(target: EditorDocument, current: EditorDocument): EditorDocument {
  const kept = target.nextId >= current.nextId ? target : { ...target, nextId: current.nextId };
  if (kept.audit === current.audit) return kept;
  const { audit: _older, ...rest } = kept;
  return current.audit === undefined ? rest : { ...rest, audit: current.audit };
}

/** Ids present in `to` whose box object differs from `from` (unchanged boxes are shared, so `!==` is exact). */
function changedBetween(from: EditorDocument, to: EditorDocument): string[] {
  const before = new Map(from.boxes.map((b) => [b.id, b]));
  return to.boxes.filter((b) => before.get(b.id) !== b).map((b) => b.id);
}
