/** Toolbar buttons of the box editor: the draw tool, undo/redo and the Export dialog. */
import type { BoxEditor } from './use-box-editor';

interface Props {
  editor: BoxEditor;
  canExport: boolean;
  onExport(): void;
}

export function BoxTools({ editor, canExport, onExport }: Props) {
  const folder = editor.folder;
  return (
    <div className="button-group" role="group" aria-label="Box tools">
      <button
        type="button"
        aria-pressed={editor.noDrawing === undefined && editor.state.tool === 'draw'}
        disabled={!editor.entry || editor.noDrawing !== undefined}
        title={editor.noDrawing ?? 'Drag on the image to draw a box (B)'}
        onClick={() =>
          editor.dispatch({ type: 'tool', tool: editor.state.tool === 'draw' ? 'window' : 'draw' })
        }
      >
        Draw box
      </button>
      <button
        type="button"
        disabled={!editor.canUndo}
        title="Undo (Ctrl+Z)"
        onClick={() => folder !== undefined && editor.dispatch({ type: 'undo', folder })}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!editor.canRedo}
        title="Redo (Ctrl+Shift+Z)"
        onClick={() => folder !== undefined && editor.dispatch({ type: 'redo', folder })}
      >
        Redo
      </button>
      <button type="button" className="primary" disabled={!canExport} onClick={onExport}>
        Export…
      </button>
    </div>
  );
}
