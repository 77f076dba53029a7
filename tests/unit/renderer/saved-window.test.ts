import { describe, expect, it } from 'vitest';
import { sameWindow, windowOnSessionArrival } from '../../../src/renderer/features/viewer/use-saved-window';
import type { WindowSpec } from '../../../src/shared/pipeline/types';

const auto: WindowSpec = { kind: 'auto' };
const lung: WindowSpec = { kind: 'preset', name: 'Lung' };
const bone: WindowSpec = { kind: 'preset', name: 'Bone' };

describe("a folder's saved window when its session arrives", () => {
  it('is shown when the window is still the one the folder opened with', () => {
    expect(windowOnSessionArrival(bone, auto, { kind: 'auto' })).toEqual({ show: bone });
  });

  it('gives way to a window the reader chose while the session loaded, which is kept (and saved)', () => {
    expect(windowOnSessionArrival(bone, auto, lung)).toEqual({ keep: lung });
    const custom: WindowSpec = { kind: 'custom', center: 50, width: 200 };
    expect(windowOnSessionArrival(bone, lung, custom)).toEqual({ keep: custom });
  });

  it('compares choices by what they are: preset names, custom numbers and function', () => {
    expect(sameWindow(lung, { kind: 'preset', name: 'Lung' })).toBe(true);
    expect(sameWindow(lung, bone)).toBe(false);
    expect(sameWindow({ kind: 'custom', center: 1, width: 2 }, { kind: 'custom', center: 1, width: 2 })).toBe(
      true,
    );
    expect(
      sameWindow(
        { kind: 'custom', center: 1, width: 2 },
        { kind: 'custom', center: 1, width: 2, fn: 'SIGMOID' },
      ),
    ).toBe(false);
    expect(sameWindow(auto, lung)).toBe(false);
  });
});
