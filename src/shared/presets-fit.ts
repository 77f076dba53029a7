/**
 * Whether the CT presets (windows in Hounsfield units, presets.ts) mean anything for an image. A preset
 * applied to MR signal values, or to CT values that were never rescaled to HU, gives a white or black
 * image; the CLI summary warns once per series and the app marks the series, both with this function.
 */
import type { ImageHeader } from './dicom/image-header';

/** The header facts the decision needs (a full ImageHeader fits). */
export type PresetFitFacts = Pick<ImageHeader, 'modality' | 'modalityTransform'> & {
  pixel: Pick<ImageHeader['pixel'], 'samplesPerPixel' | 'pixelRepresentation'>;
};

export type PresetFit =
  | { fits: true }
  | {
      fits: false;
      /** not-ct: another modality (or none); no-hu: CT whose values are not rescaled to Hounsfield units */
      why: 'not-ct' | 'no-hu';
      /** what the series is, e.g. "MR, not CT" */
      text: string;
    };

/**
 * The CT presets fit a grayscale CT image whose modality values are HU: a Modality LUT or a rescale
 * other than identity (PS3.3 C.11.1; CT's RescaleIntercept is typically -1024), or signed stored values
 * (already HU, air at -1000). Unsigned CT values with an identity rescale are raw detector numbers (air
 * near 0), not HU. Colour images are never windowed, so a preset neither fits nor harms them.
 */
export function presetFit(facts: PresetFitFacts): PresetFit {
  if (facts.pixel.samplesPerPixel !== 1) return { fits: true };
  const modality = facts.modality?.trim() ?? '';
  if (modality.toUpperCase() !== 'CT') {
    const text = modality === '' ? 'no Modality, so not known to be CT' : `${modality}, not CT`;
    return { fits: false, why: 'not-ct', text };
  }
  const t = facts.modalityTransform;
  const rescaled = t.kind === 'lut' || t.slope !== 1 || t.intercept !== 0;
  if (rescaled || facts.pixel.pixelRepresentation === 1) return { fits: true };
  return {
    fits: false,
    why: 'no-hu',
    text: 'CT without a rescale to Hounsfield units (RescaleSlope 1, RescaleIntercept 0, unsigned values)',
  };
}

/**
 * One sentence for a person: "the lung preset is a CT window in Hounsfield units, but this series is
 * MR, not CT: the image may come out white or black". The CLI and the app add what to do instead.
 */
export function presetMisfitText(presetName: string, fit: Extract<PresetFit, { fits: false }>): string {
  return `the ${presetName} preset is a CT window in Hounsfield units, but this series is ${fit.text}: the image may come out white or black`;
}
