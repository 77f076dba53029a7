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

export type Tool = 'window' | 'draw';

export interface FolderBoxes {
  editor: EditorState;
  settings: SessionSettingsData;
}

export interface BoxesState {
  folders: Readonly<Record<string, FolderBoxes>>;
  selectedId: string | undefined;
  tool: Tool;
}

export type BoxesAction =
  | { type: 'loaded'; folder: string; session: LoadedSession }
  | { type: 'edit'; folder: string; edit: Edit }
  | { type: 'undo'; folder: string }
  | { type: 'redo'; folder: string }
  | { type: 'select'; id: string | undefined }
  | { type: 'tool'; tool: Tool }
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

function withEditor(
  state: BoxesState,
  folder: string,
  next: (editor: EditorState) => EditorState,
  selectChanged: boolean,
): BoxesState {
  const current = state.folders[folder];
  if (!current) return state;
  const editor = next(current.editor);
  if (editor === current.editor) return state;
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
      return withEditor(state, action.folder, (editor) => applyEdit(editor, action.edit), select);
    }
    case 'undo':
      return withEditor(state, action.folder, undo, true);
    case 'redo':
      return withEditor(state, action.folder, redo, true);
    case 'select':
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case 'tool':
      return state.tool === action.tool ? state : { ...state, tool: action.tool };
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
