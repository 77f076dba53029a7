/**
 * Box labels with characters the label font has no glyph for (label-font.ts): drawn as hollow boxes,
 * so the summary, the --report and the app say which (issue: never a box drawn silently).
 */
import { describeCharacter, missingGlyphs } from '../../shared/boxes/label-font';
import { labelText } from '../../shared/boxes/label-text';
import type { PackedBoxReader } from '../../shared/boxes/packed-boxes';

/** A label some of whose characters are drawn as hollow boxes. */
export interface LabelWithoutGlyphs {
  origin: string;
  label: string;
  /** the characters, as "U+1F600 😀" */
  missing: string[];
}

/** The box rows whose label text has characters no glyph covers, one entry per origin. */
export function labelsWithoutGlyphs(boxes: PackedBoxReader): LabelWithoutGlyphs[] {
  const found = new Map<string, LabelWithoutGlyphs>();
  for (let row = 0; row < boxes.count; row++) {
    const record = boxes.record(row);
    const text = labelText(record);
    if (text === undefined || found.has(record.origin)) continue;
    const missing = missingGlyphs(text);
    if (missing.length > 0)
      found.set(record.origin, {
        origin: record.origin,
        label: text,
        missing: missing.map(describeCharacter),
      });
  }
  return [...found.values()];
}

/** "boxes.csv:3: label '結節 😀' has characters the label font lacks, drawn as boxes: U+1F600 😀" */
export function labelWithoutGlyphsLine(entry: LabelWithoutGlyphs): string {
  return `${entry.origin}: label '${entry.label}' has characters the label font lacks, drawn as hollow boxes: ${entry.missing.join(', ')}`;
}
