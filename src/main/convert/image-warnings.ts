import { boxClip, boxClipText } from '../../shared/boxes/clip';
import { layoutLabels } from '../../shared/boxes/label-layout';
import { labelText } from '../../shared/boxes/label-text';
import { UNPLACED_LABEL_TEXT } from '../../shared/boxes/unplaced-label';
import type { BoxRecord } from '../../shared/boxes/model';
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
