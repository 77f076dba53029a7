import { layoutLabels } from '../../shared/boxes/label-layout';
import { labelText } from '../../shared/boxes/label-text';
import { UNPLACED_LABEL_TEXT } from '../../shared/boxes/unplaced-label';
import type { ImageHeader } from '../../shared/dicom/image-header';
import type { WindowSpec } from '../../shared/pipeline/types';
import { findPreset } from '../../shared/presets';
import { presetFit, presetMisfitText } from '../../shared/presets-fit';
import type { FrameBox } from './settings-key';

/** Something about a converted image its user should hear of, though the image was written. */
export type ImageWarning =
  /** a box reaching past the image: drawn clipped, or (outside) not drawn at all */
  | { kind: 'box-clipped'; origin: string; outside: boolean; text: string }
  /** a CT preset applied to a series whose values are not Hounsfield units */
  | { kind: 'preset-misfit'; seriesInstanceUid: string; text: string }
  /** a label that fits nowhere without covering another finding: its box is drawn without it */
  | { kind: 'label-unplaced'; origin: string; frame: number; label: string; text: string };

/**
 * The warning for a preset window that does not fit the image's series (presetFit, shared with the
 * app), if any. The boxes reaching past the image are found as they are selected (select-boxes.ts).
 */
export function presetWarnings(header: ImageHeader, window: WindowSpec): ImageWarning[] {
  const warnings: ImageWarning[] = [];
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

/**
 * The labels the export leaves out (layoutLabels' `unplaced`), frame by frame, laid out exactly as
 * render-frames.ts draws them: the boxes of each frame in their order, on the image's size. `origins[i]`
 * is the box row of `boxes[i]`.
 */
export function unplacedLabelWarnings(
  header: ImageHeader,
  boxes: readonly FrameBox[],
  origins: readonly string[],
): ImageWarning[] {
  const size = { columns: header.pixel.columns, rows: header.pixel.rows };
  const byFrame = new Map<number, number[]>();
  boxes.forEach((b, i) => byFrame.set(b.frame, [...(byFrame.get(b.frame) ?? []), i]));
  const warnings: ImageWarning[] = [];
  for (const [frame, indices] of byFrame) {
    const layout = layoutLabels(
      size,
      indices.map((i) => (boxes[i] as FrameBox).box),
    );
    for (const at of layout.unplaced) {
      const index = indices[at] as number;
      const box = (boxes[index] as FrameBox).box;
      warnings.push({
        kind: 'label-unplaced',
        origin: origins[index] ?? '',
        frame,
        label: labelText(box) ?? box.label ?? '',
        text: UNPLACED_LABEL_TEXT,
      });
    }
  }
  return warnings;
}
