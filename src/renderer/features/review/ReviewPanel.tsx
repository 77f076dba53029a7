/**
 * Review mode: walks the series' findings in slice order, shows "7 of 13 reviewed", the finding under
 * review with its verdict and audit trail, and runs the review actions (buttons and keys, register.ts).
 */
import { useMemo, useState } from 'react';
import { reviewOf } from '../../../shared/review/review-state';
import type { SeriesEntry } from '../../../shared/ipc/library';
import type { BoxEditor } from '../boxes/use-box-editor';
import { boxesOfSeries, type ListedBox } from '../boxes/series-boxes';
import { REVIEW_ACTIONS } from './actions/register';
import type { ReviewContext } from './actions/review-action';
import { AuditTrail } from './AuditTrail';
import { reviewProgress } from './review-order';
import { reviewerOf } from './reviewer-of';
import { ReviewerField } from './ReviewerField';
import { useAppReviewer } from './use-app-reviewer';
import { useReviewKeys } from './use-review-keys';

interface Props {
  editor: BoxEditor;
  series: SeriesEntry;
  /** shows a finding: its slice, centred in the view, selected */
  onShow(finding: ListedBox): void;
}

export function ReviewPanel({ editor, series, onShow }: Props) {
  const [reviewing, setReviewing] = useState(false);
  const [asked, setAsked] = useState(false);
  const boxes = editor.entry?.editor.document.boxes;
  const audit = editor.entry?.editor.document.audit;
  const findings = useMemo(() => (boxes ? boxesOfSeries(boxes, series) : []), [boxes, series]);
  // The app-wide reviewer of Settings; a session saved before it names its own (read as a fallback).
  const reviewer = useAppReviewer().reviewer ?? reviewerOf(editor.state.folders, editor.folder);
  const current = findings.find((f) => f.box.id === editor.state.selectedId);
  const context: ReviewContext = {
    findings,
    current,
    reviewer,
    commit: editor.commit,
    show: onShow,
    needReviewer: () => setAsked(true),
  };
  useReviewKeys(reviewing, () => setReviewing((on) => !on), context);
  const { reviewed, total } = reviewProgress(findings);
  if (!reviewing) {
    return (
      <section className="review-bar" aria-label="Review">
        <button type="button" onClick={() => setReviewing(true)} title="R" disabled={total === 0}>
          Review findings
        </button>
        <span className="review-progress">
          {reviewed} of {total} reviewed
        </span>
      </section>
    );
  }
  const trail = current ? (audit ?? []).filter((entry) => entry.boxId === current.box.id) : [];
  return (
    <section className="review-bar review-on" aria-label="Review">
      <strong>Review mode</strong>
      <span className="review-progress" role="status">
        {reviewed} of {total} reviewed
        {total - reviewed > 0 ? ` · ${total - reviewed} left` : ' · all reviewed'}
      </span>
      <ReviewerField asked={asked && reviewer === undefined} onSaved={() => setAsked(false)} />
      {current ? (
        <p className="review-current" data-review={reviewOf(current.box)}>
          {current.box.label ?? 'Finding'} on slice {current.index + 1}: <b>{reviewOf(current.box)}</b>
        </p>
      ) : (
        <p className="review-current">Press N to go to the first unreviewed finding.</p>
      )}
      <div className="review-actions">
        {REVIEW_ACTIONS.map((action) => (
          <button
            key={action.id}
            type="button"
            title={`${action.does} (${action.keyLabel})`}
            disabled={!action.enabled(context)}
            onClick={() => action.perform(context)}
          >
            {action.label} ({action.keyLabel})
          </button>
        ))}
        <button type="button" onClick={() => setReviewing(false)} title="R">
          Leave review
        </button>
      </div>
      <AuditTrail entries={trail} />
    </section>
  );
}
