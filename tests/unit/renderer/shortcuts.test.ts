import { describe, expect, it } from 'vitest';
import { actionForKey, PAGE_STEP, SHORTCUTS } from '../../../src/renderer/features/viewer/shortcuts';
import { PRESETS } from '../../../src/shared/presets';

const key = (k: string, ctrlKey = false) =>
  actionForKey({ key: k, ctrlKey, metaKey: false, altKey: false }, PRESETS, 24);

describe('keyboard shortcuts', () => {
  it('maps arrows, Page Up/Down, Home and End to slice moves', () => {
    expect(key('ArrowDown')).toEqual({ type: 'step', delta: 1 });
    expect(key('ArrowLeft')).toEqual({ type: 'step', delta: -1 });
    expect(key('PageDown')).toEqual({ type: 'step', delta: PAGE_STEP });
    expect(key('PageUp')).toEqual({ type: 'step', delta: -PAGE_STEP });
    expect(key('End')).toEqual({ type: 'goto', index: 23 });
  });

  it('maps digits to presets in toolbar order, and leaves Ctrl shortcuts to the browser', () => {
    expect(key('1')).toEqual({ type: 'preset', name: 'Abdomen' });
    expect(key('3')).toEqual({ type: 'preset', name: PRESETS[2]?.name });
    expect(key('1', true)).toBeUndefined();
    expect(key('x')).toBeUndefined();
    expect(key('f')).toBe('fit');
    expect(key('?')).toEqual({ type: 'toggle-help' });
  });

  it('documents every kind of shortcut it handles in the help table', () => {
    const text = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const documented of ['Page Up', 'Home', 'wheel', 'F', 'A', '1 – 9', '?'])
      expect(text).toContain(documented);
  });
});
