import { describe, expect, it } from 'vitest';
import {
  derivationDescription,
  seriesKey,
  settingsKey,
  windowKey,
} from '../../../src/main/convert/settings-key';
import type { FrameBox } from '../../../src/main/convert/settings-key';

const red = [255, 0, 0] as const;
const boxA: FrameBox = { frame: 1, box: { x1: 1, y1: 2, x2: 30, y2: 40, color: red, thickness: 4 } };
const boxB: FrameBox = {
  frame: 2,
  box: { x1: 5, y1: 5, x2: 9, y2: 9, color: [0, 255, 0], thickness: 4, label: 'nodule' },
};

describe('settingsKey', () => {
  it('is the same text for the same boxes in any order', () => {
    expect(settingsKey({ kind: 'auto' }, [boxA, boxB], false)).toBe(
      settingsKey({ kind: 'auto' }, [boxB, boxA], false),
    );
  });

  it('changes with the window, the boxes, their colour and the labels option', () => {
    const base = settingsKey({ kind: 'preset', name: 'abdomen' }, [boxA], false);
    const keys = [
      base,
      settingsKey({ kind: 'preset', name: 'lung' }, [boxA], false),
      settingsKey({ kind: 'custom', center: 50, width: 400 }, [boxA], false),
      settingsKey({ kind: 'preset', name: 'abdomen' }, [], false),
      settingsKey(
        { kind: 'preset', name: 'abdomen' },
        [{ ...boxA, box: { ...boxA.box, color: [0, 0, 255] } }],
        false,
      ),
      settingsKey({ kind: 'preset', name: 'abdomen' }, [boxA], true),
    ];
    expect(new Set(keys).size).toBe(6);
  });

  it("changes with a finding's review state and id (a verdict gives the outputs a new identity)", () => {
    const key = (box: FrameBox['box']): string => settingsKey({ kind: 'auto' }, [{ frame: 1, box }], false);
    const keys = [
      key(boxA.box),
      key({ ...boxA.box, review: 'accepted' }),
      key({ ...boxA.box, review: 'rejected' }),
      key({ ...boxA.box, review: 'edited' }),
      key({ ...boxA.box, id: 'f1' }),
    ];
    expect(new Set(keys).size).toBe(5);
  });

  it('gives one series key per window and labels option, whatever the boxes', () => {
    expect(seriesKey({ kind: 'preset', name: 'abdomen' }, false)).toBe(
      seriesKey({ kind: 'preset', name: 'Abdomen' }, false),
    );
    expect(seriesKey({ kind: 'preset', name: 'abdomen' }, false)).not.toBe(
      seriesKey({ kind: 'preset', name: 'lung' }, false),
    );
    expect(seriesKey({ kind: 'auto' }, false)).not.toBe(seriesKey({ kind: 'auto' }, true));
  });

  it('names presets case-insensitively and custom windows with their function', () => {
    expect(windowKey({ kind: 'preset', name: 'Abdomen' })).toBe('preset:abdomen');
    expect(windowKey({ kind: 'custom', center: -600, width: 1500 })).toBe('custom:-600/1500/LINEAR');
    expect(windowKey({ kind: 'custom', center: 40, width: 80, fn: 'SIGMOID' })).toBe('custom:40/80/SIGMOID');
  });
});

describe('derivationDescription', () => {
  it('names the preset, its center and width, and the box count', () => {
    const text = derivationDescription(
      { kind: 'window', center: 50, width: 400, fn: 'LINEAR', source: 'preset' },
      { kind: 'preset', name: 'abdomen' },
      3,
    );
    expect(text).toBe(
      'Rendered to RGB by DICOM Ink with abdomen preset (center 50 width 400); 3 boxes burned in',
    );
  });

  it("says when the file's own window or the min-max was used, and fits in an ST value", () => {
    const file = derivationDescription(
      { kind: 'window', center: 40.5, width: 350, fn: 'LINEAR', source: 'file' },
      { kind: 'auto' },
      1,
    );
    expect(file).toContain("file's window (center 40.5 width 350)");
    expect(file).toContain('1 box burned in');
    const minMax = derivationDescription(
      { kind: 'window', center: 1, width: 2, fn: 'LINEAR', source: 'min-max' },
      { kind: 'auto' },
      0,
    );
    expect(minMax).toContain('pixel min-max');
    expect(minMax.length).toBeLessThanOrEqual(1024);
  });
});
