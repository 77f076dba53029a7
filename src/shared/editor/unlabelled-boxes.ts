import { layoutLabels } from '../boxes/label-layout';
import { passesMinScore } from '../boxes/min-score';
import type { OutlinePlacement } from '../boxes/model';
import { toBurnBox, type EditableBox, type ImageBounds } from './editable-box';
import { labelShown } from './label-groups';

export interface LabelShowing {
  labels: boolean;
  outline?: OutlinePlacement | undefined;
  minScore?: number | undefined;
  hiddenLabels?: readonly string[] | undefined;
}

/**
 * The ids of the boxes whose label the viewer and the export leave out because it fits nowhere
 * (layoutLabels' `unplaced`): each slice laid out with exactly the boxes the canvas burns there (those the
 * minimum score and the hidden labels keep), in document order, on the series' image size.
 */
export function unlabelledBoxIds(
  boxes: readonly EditableBox[],
  bounds: ImageBounds,
  showing: LabelShowing,
): Set<string> {
  const ids = new Set<string>();
  if (!showing.labels) return ids;
  const bySlice = new Map<string, EditableBox[]>();
  for (const box of boxes) {
    if (!passesMinScore(box, showing.minScore) || !labelShown(box, showing.hiddenLabels)) continue;
    const key = `${box.sliceKey}#${box.frame}`;
    bySlice.set(key, [...(bySlice.get(key) ?? []), box]);
  }
  for (const slice of bySlice.values()) {
    const layout = layoutLabels(
      bounds,
      slice.map((box) => toBurnBox(box, showing.outline)),
    );
    for (const index of layout.unplaced) {
      const box = slice[index];
      if (box) ids.add(box.id);
    }
  }
  return ids;
}
