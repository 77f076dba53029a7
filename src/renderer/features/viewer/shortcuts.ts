/** Keyboard shortcuts: one table drives both the key handling and the help panel, so they cannot disagree. */
import type { WindowPreset } from '../../../shared/presets';
import type { ViewerAction } from './viewer-state';
import { REVIEW_SHORTCUTS } from '../review/actions/register';

export interface Shortcut {
  keys: string;
  does: string;
}

/** Big steps for PageUp/PageDown, as in PACS viewers. */
export const PAGE_STEP = 10;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Mouse wheel, ↑ ↓ or ← →', does: 'Previous / next slice' },
  { keys: 'Page Up / Page Down', does: `Back / forward ${PAGE_STEP} slices` },
  { keys: 'Home / End', does: 'First / last slice' },
  { keys: 'Drag (left or right button)', does: 'Window: horizontal = width, vertical = level' },
  { keys: 'Shift + drag, or middle drag', does: 'Pan' },
  { keys: 'Ctrl + wheel, + / −', does: 'Zoom in / out' },
  { keys: 'F', does: 'Fit the image to the view' },
  { keys: 'A', does: "Auto: the file's own window" },
  { keys: '1 – 9', does: 'Window presets, in toolbar order' },
  {
    keys: 'I',
    does: 'Image details on / off: orientation letters, slice position and thickness, the file’s window',
  },
  { keys: 'B', does: 'Draw box tool on / off (drag on the image to draw)' },
  { keys: 'Drag a box or its handles', does: 'Move or resize it' },
  { keys: 'Delete / Backspace', does: 'Delete the selected box' },
  { keys: 'Ctrl + Z / Ctrl + Shift + Z (or Ctrl + Y)', does: 'Undo / redo a box edit' },
  { keys: 'Escape', does: 'Leave drawing, clear the selection' },
  { keys: '?', does: 'Show or hide this help' },
  ...REVIEW_SHORTCUTS,
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The viewer action for a key press, or undefined when the key is not a viewer shortcut. */
export function actionForKey(
  input: KeyInput,
  presets: readonly WindowPreset[],
  sliceCount: number,
): ViewerAction | 'fit' | 'zoom-in' | 'zoom-out' | undefined {
  if (input.ctrlKey || input.metaKey || input.altKey) return undefined;
  switch (input.key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return { type: 'step', delta: 1 };
    case 'ArrowUp':
    case 'ArrowLeft':
      return { type: 'step', delta: -1 };
    case 'PageDown':
      return { type: 'step', delta: PAGE_STEP };
    case 'PageUp':
      return { type: 'step', delta: -PAGE_STEP };
    case 'Home':
      return { type: 'goto', index: 0 };
    case 'End':
      return { type: 'goto', index: sliceCount - 1 };
    case 'f':
    case 'F':
      return 'fit';
    case 'a':
    case 'A':
      return { type: 'auto' };
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
      return 'zoom-out';
    case 'i':
    case 'I':
      return { type: 'toggle-details' };
    case '?':
      return { type: 'toggle-help' };
  }
  const digit = /^[1-9]$/.test(input.key) ? Number(input.key) : 0;
  const preset = presets[digit - 1];
  return preset ? { type: 'preset', name: preset.name } : undefined;
}
