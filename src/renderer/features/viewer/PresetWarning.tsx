/**
 * Marks a CT preset applied to a series it does not fit (MR, or CT not rescaled to Hounsfield units):
 * the image may come out white or black. The same test (presetFit) as the CLI's summary warning.
 */
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { WindowSpec } from '../../../shared/pipeline/types';
import { presetFit, presetMisfitText } from '../../../shared/presets-fit';

export function PresetWarning({ spec, header }: { spec: WindowSpec; header: ImageHeader | undefined }) {
  if (spec.kind !== 'preset' || !header) return null;
  const fit = presetFit(header);
  if (fit.fits) return null;
  const text = presetMisfitText(spec.name, fit);
  return (
    <div className="banner preset-warning" role="alert" data-testid="preset-warning">
      {text.charAt(0).toUpperCase() + text.slice(1)}. Use Auto (A) for the file&apos;s own window, or set
      Width and Level.
    </div>
  );
}
