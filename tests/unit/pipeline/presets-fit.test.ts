import { describe, expect, it } from 'vitest';
import { presetFit, presetMisfitText } from '../../../src/shared/presets-fit';
import type { PresetFitFacts } from '../../../src/shared/presets-fit';

function facts(overrides: {
  modality?: string;
  slope?: number;
  intercept?: number;
  signed?: boolean;
  samples?: number;
}): PresetFitFacts {
  return {
    modality: overrides.modality,
    modalityTransform: { kind: 'rescale', slope: overrides.slope ?? 1, intercept: overrides.intercept ?? 0 },
    pixel: { samplesPerPixel: overrides.samples ?? 1, pixelRepresentation: overrides.signed ? 1 : 0 },
  };
}

describe('presetFit', () => {
  it('fits CT rescaled to HU, CT stored as signed HU, and CT with a Modality LUT', () => {
    expect(presetFit(facts({ modality: 'CT', intercept: -1024 }))).toEqual({ fits: true });
    expect(presetFit(facts({ modality: 'CT', signed: true }))).toEqual({ fits: true });
    const lut = { firstMapped: 0, bitsPerEntry: 16, data: [0, 1] };
    expect(presetFit({ ...facts({ modality: 'CT' }), modalityTransform: { kind: 'lut', lut } })).toEqual({
      fits: true,
    });
  });

  it('does not fit MR, an image without Modality, or unsigned CT without a rescale', () => {
    expect(presetFit(facts({ modality: 'MR' }))).toEqual({ fits: false, why: 'not-ct', text: 'MR, not CT' });
    expect(presetFit(facts({}))).toMatchObject({ fits: false, why: 'not-ct' });
    expect(presetFit(facts({ modality: 'CT' }))).toMatchObject({ fits: false, why: 'no-hu' });
  });

  it('leaves colour images alone: they are never windowed', () => {
    expect(presetFit(facts({ modality: 'US', samples: 3 }))).toEqual({ fits: true });
  });

  it('says which preset and why in one sentence', () => {
    const fit = presetFit(facts({ modality: 'MR' }));
    expect(fit.fits).toBe(false);
    if (fit.fits) return;
    expect(presetMisfitText('lung', fit)).toBe(
      'the lung preset is a CT window in Hounsfield units, but this series is MR, not CT: the image may come out white or black',
    );
  });
});
