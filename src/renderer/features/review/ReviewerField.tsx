/**
 * The reviewer's name (DICOM PN, e.g. DOE^JANE): one app-wide setting, named once in Settings (or here,
 * when a verdict asks for it) and saved by main for every folder.
 */
import { useState } from 'react';
import { parseReviewerName } from '../../../shared/review/review-state';
import { saveAppReviewer, useAppReviewer } from './use-app-reviewer';

interface Props {
  /** a verdict was asked for before a reviewer was named */
  asked?: boolean;
  onSaved?(name: string): void;
}

export function ReviewerField(props: Props) {
  const app = useAppReviewer();
  if (!app.loaded) return null;
  // Keyed on the saved name: the input starts from it whenever it changes elsewhere.
  return <ReviewerInput key={app.reviewer ?? ''} reviewer={app.reviewer} error={app.error} {...props} />;
}

function ReviewerInput({
  reviewer,
  error,
  asked = false,
  onSaved,
}: Props & { reviewer: string | undefined; error: string | undefined }) {
  const [text, setText] = useState(reviewer ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = async (): Promise<void> => {
    const parsed = parseReviewerName(text);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.name === reviewer) return setProblem(undefined);
    const refused = await saveAppReviewer(parsed.name);
    setProblem(refused);
    if (refused === undefined) onSaved?.(parsed.name);
  };
  return (
    <form
      className="reviewer-field"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label className="text-field">
        <span>Reviewer (FAMILY^GIVEN)</span>
        <input
          aria-label="Reviewer"
          value={text}
          placeholder="DOE^JANE"
          spellCheck={false}
          autoFocus={asked}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => text.trim() !== '' && void save()}
        />
      </label>
      {asked && reviewer === undefined ? (
        <p role="alert">
          Name the reviewer first (here or in Settings, once for every folder): every verdict is recorded with
          who gave it.
        </p>
      ) : null}
      {(problem ?? error) ? <p role="alert">{problem ?? error}</p> : null}
    </form>
  );
}
