import { describe, expect, it } from 'vitest';
import { PRESETS, findPreset } from '../../../src/shared/presets';

describe('window presets', () => {
  it('hold the required CT windows with their cited values', () => {
    const table = Object.fromEntries(PRESETS.map((p) => [p.id, [p.width, p.center]]));
    expect(table).toMatchObject({
      abdomen: [400, 50],
      lung: [1500, -600],
      bone: [1800, 400],
      brain: [80, 40],
      mediastinum: [350, 50],
      liver: [150, 30],
      'soft-tissue': [350, 40],
    });
    for (const preset of PRESETS) expect(preset.source).toMatch(/^Radiopaedia, "Windowing \(CT\)"/);
  });

  it('have unique ids', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('are found by id or name whatever the case, spaces or underscores', () => {
    expect(findPreset('abdomen')?.id).toBe('abdomen');
    expect(findPreset('ABDOMEN')?.id).toBe('abdomen');
    expect(findPreset('Soft tissue')?.id).toBe('soft-tissue');
    expect(findPreset('soft-tissue')?.id).toBe('soft-tissue');
    expect(findPreset(' soft_tissue ')?.id).toBe('soft-tissue');
    expect(findPreset('kidney')).toBeUndefined();
  });
});
