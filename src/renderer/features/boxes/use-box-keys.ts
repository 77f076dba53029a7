/** Box editing keys: B toggles the draw tool, Delete/Backspace deletes, Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) undo and redo, Escape leaves drawing. */
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface BoxKeyHandlers {
  toggleDraw(): void;
  deleteSelected(): void;
  undo(): void;
  redo(): void;
  escape(): void;
}

export function useBoxKeys(handlers: BoxKeyHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      if (target?.closest('[role="dialog"]')) return;
      const h = latest.current;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (command && key === 'z') h[event.shiftKey ? 'redo' : 'undo']();
      else if (command && key === 'y') h.redo();
      else if (command || event.altKey) return;
      else if (key === 'b') h.toggleDraw();
      else if (event.key === 'Delete' || event.key === 'Backspace') h.deleteSelected();
      else if (event.key === 'Escape') h.escape();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
