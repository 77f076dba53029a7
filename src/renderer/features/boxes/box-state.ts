/**
 * The box editor of the renderer as data: one undoable editor document and the settings per opened folder
 * (each folder has its own session file), the selected box and the pointer tool. A pure reducer over the
 * shared editor model (src/shared/editor), unit-tested without a DOM.
 */
import {
  applyEdit,
  createEditorState,
  findBox,
  redo,
  undo,
  type Edit,
  type EditorState,
} from '../../../shared/editor';
import type { LoadedSession, SessionSettingsData } from '../../../shared/ipc/session';
import { auditEntries } from '../../../shared/review/audit';

export type Tool = 'window' | 'draw';

export interface FolderBoxes {
  editor: EditorState;
  settings: SessionSettingsData;
}

export interface BoxesState {
  folders: Readonly<Record<string, FolderBoxes>>;
  selectedId: string | undefined;
  tool: Tool;
  /** the app-wide reviewer of Settings, who the audit trail names (else a session's own, saved before) */
  reviewer?: string | undefined;
}

export type BoxesAction =
  | { type: 'loaded'; folder: string; session: LoadedSession }
  /** `at`: when (ISO 8601) for the review's audit trail; now when absent */
  | { type: 'edit'; folder: string; edit: Edit; at?: string }
  | { type: 'undo'; folder: string; at?: string }
  | { type: 'redo'; folder: string; at?: string }
  | { type: 'select'; id: string | undefined }
  | { type: 'tool'; tool: Tool }
  | { type: 'reviewer'; reviewer: string | undefined }
  | { type: 'settings'; folder: string; patch: Partial<SessionSettingsData> };

export const initialBoxesState: BoxesState = { folders: {}, selectedId: undefined, tool: 'window' };

/** After an edit, select what it created or changed; keep no selection of a box that no longer exists. */
function reselect(
  editor: EditorState,
  previous: string | undefined,
  preferChanged: boolean,
): string | undefined {
  const changed = editor.lastChanged[editor.lastChanged.length - 1];
  if (preferChanged && changed !== undefined && findBox(editor, changed)) return changed;
  return previous !== undefined && findBox(editor, previous) ? previous : undefined;
}

/** The editor after `next`, its document's audit trail extended by what changed in the findings' review. */
function audited(
  current: FolderBoxes,
  next: EditorState,
  context: { action: string; at: string | undefined; reviewer: string | undefined },
): EditorState {
  const entries = auditEntries(current.editor.document.boxes, next.document.boxes, {
    who: context.reviewer ?? current.settings.reviewer ?? '',
    when: context.at ?? new Date().toISOString(),
    action: context.action,
  });
  if (entries.length === 0) return next;
  const audit = [...(next.document.audit ?? []), ...entries];
  return { ...next, document: { ...next.document, audit } };
}

function withEditor(
  state: BoxesState,
  folder: string,
  next: (editor: EditorState) => EditorState,
  selectChanged: boolean,
  context: { action: string; at: string | undefined },
): BoxesState {
  const current = state.folders[folder];
  if (!current) return state;
  const changed = next(current.editor);
  if (changed === current.editor) return state;
  const editor = audited(current, changed, { ...context, reviewer: state.reviewer });
  return {
    ...state,
    folders: { ...state.folders, [folder]: { ...current, editor } },
    selectedId: reselect(editor, state.selectedId, selectChanged),
  };
}

export function boxesReducer(state: BoxesState, action: BoxesAction): BoxesState {
  switch (action.type) {
    case 'loaded':
      // A session arriving late never replaces edits already made in this window.
      if (state.folders[action.folder]) return state;
      return {
        ...state,
        folders: {
          ...state.folders,
          [action.folder]: {
            editor: createEditorState(action.session.document),
            settings: action.session.settings,
          },
        },
      };
    case 'edit': {
      // Adding, importing and copying select the new box; a move, resize, style change or delete keeps it.
      const select =
        action.edit.kind === 'add' || action.edit.kind === 'import' || action.edit.kind === 'copy-to-slices';
      const what = action.edit.kind === 'review' ? action.edit.review : action.edit.kind;
      return withEditor(state, action.folder, (editor) => applyEdit(editor, action.edit), select, {
        action: what,
        at: action.at,
      });
    }
    case 'undo':
      return withEditor(state, action.folder, undo, true, { action: 'undo', at: action.at });
    case 'redo':
      return withEditor(state, action.folder, redo, true, { action: 'redo', at: action.at });
    case 'select':
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case 'tool':
      return state.tool === action.tool ? state : { ...state, tool: action.tool };
    case 'reviewer':
      return state.reviewer === action.reviewer ? state : { ...state, reviewer: action.reviewer };
    case 'settings': {
      const current = state.folders[action.folder];
      if (!current) return state;
      const settings = { ...current.settings, ...action.patch };
      // Settings are sent to the session on every change: an equal patch must not look like one.
      if (JSON.stringify(settings) === JSON.stringify(current.settings)) return state;
      return { ...state, folders: { ...state.folders, [action.folder]: { ...current, settings } } };
    }
  }
}
