/**
 * A label layoutLabels could not place anywhere (label-layout.ts `unplaced`): the CLI summary, the
 * `--report` and the app say it in these words.
 */
export const UNPLACED_LABEL_TEXT =
  'no room to place it without covering another finding or leaving the image; the box is drawn without its label';

/** "label 'kidney lesion 0.93' on IM0012 (frame 2): no room to place it ..." */
export function unplacedLabelLine(label: string, where: string, frame: number): string {
  return `label '${label}' on ${where}${frame > 1 ? ` (frame ${frame})` : ''}: ${UNPLACED_LABEL_TEXT}`;
}
