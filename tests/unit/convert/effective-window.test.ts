import { describe, expect, it } from 'vitest';
import { effectiveWindow } from '../../../src/main/convert/effective-window';
import { makeHeader } from '../pipeline/make-header';

const ct = makeHeader(
  {},
  { modality: 'CT', modalityTransform: { kind: 'rescale', slope: 1, intercept: -1024 } },
);
const mr = makeHeader({}, { modality: 'MR' });
const lung = { kind: 'preset', name: 'lung' } as const;

describe('effectiveWindow (export of everything open, CT and MR together)', () => {
  it('keeps the preset for CT in HU, and gives MR its own window only when asked', () => {
    expect(effectiveWindow({ window: lung, ownWindowWherePresetMisfits: true }, ct)).toEqual(lung);
    expect(effectiveWindow({ window: lung, ownWindowWherePresetMisfits: true }, mr)).toEqual({
      kind: 'auto',
    });
    expect(effectiveWindow({ window: lung }, mr)).toEqual(lung);
  });

  it('never changes a custom or automatic window', () => {
    const custom = { kind: 'custom', center: 40, width: 400 } as const;
    expect(effectiveWindow({ window: custom, ownWindowWherePresetMisfits: true }, mr)).toEqual(custom);
  });
});
