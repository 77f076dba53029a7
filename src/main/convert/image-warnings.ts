import { boxClip, boxClipText } from '../../shared/boxes/clip';
import type { BoxRecord } from '../../shared/boxes/model';
import type { ImageHeader } from '../../shared/dicom/image-header';
import type { WindowSpec } from '../../shared/pipeline/types';
import { findPreset } from '../../shared/presets';
import { presetFit, presetMisfitText } from '../../shared/presets-fit';

/** Something about a converted image its user should hear of, though the image was written. */
export type ImageWarning =
  /** a box reaching past the image: drawn clipped, or (outside) not drawn at all */
  | { kind: 'box-clipped'; origin: string; outside: boolean; text: string }
  /** a CT preset applied to a series whose values are not Hounsfield units */
  | { kind: 'preset-misfit'; seriesInstanceUid: string; text: string };

/**
 * The warnings for one image: each drawn box that reaches past its edges (boxClip, shared with the app)
 * and, for a preset window, whether the preset fits the series (presetFit, shared with the app).
 */
export function imageWarnings(
  header: ImageHeader,
  drawn: readonly BoxRecord[],
  window: WindowSpec,
): ImageWarning[] {
  const warnings: ImageWarning[] = [];
  const size = { columns: header.pixel.columns, rows: header.pixel.rows };
  for (const record of drawn) {
    const clip = boxClip(record, size);
    if (clip)
      warnings.push({
        kind: 'box-clipped',
        origin: record.origin,
        outside: clip.outside,
        text: boxClipText(clip, size),
      });
  }
  if (window.kind === 'preset') {
    const fit = presetFit(header);
    const preset = findPreset(window.name);
    if (!fit.fits) {
      warnings.push({
        kind: 'preset-misfit',
        seriesInstanceUid: header.seriesInstanceUid,
        text: presetMisfitText(preset?.id ?? window.name, fit),
      });
    }
  }
  return warnings;
}
