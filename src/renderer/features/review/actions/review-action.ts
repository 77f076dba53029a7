/**
 * One review action: its key, what Help says, and what it does to the review (Excalidraw's action
 * objects: each action its own file, registered in one list, register.ts).
 */
import type { Edit, EditableBox } from '../../../../shared/editor';
import type { ListedBox } from '../../boxes/series-boxes';

export interface ReviewContext {
  /** the series' findings in slice order */
  findings: readonly ListedBox[];
  /** the finding under review (the selected one) */
  current: ListedBox | undefined;
  /** the named reviewer, if any: a verdict needs one */
  reviewer: string | undefined;
  /** applies an edit as one undo step */
  commit(edit: Edit): void;
  /** shows a finding: its slice, centred, selected */
  show(finding: ListedBox): void;
  /** asks for the reviewer's name (a verdict was asked for without one) */
  needReviewer(): void;
}

export interface ReviewAction {
  id: string;
  /** the key (KeyboardEvent.key, lower case) */
  key: string;
  /** the button's text */
  label: string;
  /** as Help and the button title show it */
  keyLabel: string;
  does: string;
  /** whether it can run now (a button is disabled otherwise) */
  enabled(context: ReviewContext): boolean;
  perform(context: ReviewContext): void;
}

/** A verdict action: needs a reviewer and a current finding; moves on to the next unreviewed one. */
export function verdict(
  context: ReviewContext,
  apply: (box: EditableBox) => Edit | undefined,
  after: (context: ReviewContext) => void,
): void {
  const current = context.current;
  if (current === undefined) return;
  if (context.reviewer === undefined) {
    context.needReviewer();
    return;
  }
  const edit = apply(current.box);
  if (edit !== undefined) context.commit(edit);
  after(context);
}
