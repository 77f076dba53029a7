/** The reviewer's name (DICOM PN, e.g. DOE^JANE), named once per folder before the first verdict. */
import { useState } from 'react';
import { parseReviewerName } from '../../../shared/review/review-state';

export function ReviewerField({
  reviewer,
  asked,
  onName,
}: {
  reviewer: string | undefined;
  /** a verdict was asked for before a reviewer was named */
  asked: boolean;
  onName(name: string): void;
}) {
  const [text, setText] = useState(reviewer ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = (): void => {
    const parsed = parseReviewerName(text);
    if (!parsed.ok) setProblem(parsed.reason);
    else {
      setProblem(undefined);
      onName(parsed.name);
    }
  };
  return (
    <form
      className="reviewer-field"
      onSubmit={(event) => {
        event.preventDefault();
        save();
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
          onBlur={() => text.trim() !== '' && save()}
        />
      </label>
      {asked && reviewer === undefined ? (
        <p role="alert">Name the reviewer first: every verdict is recorded with who gave it.</p>
      ) : null}
      {problem ? <p role="alert">{problem}</p> : null}
    </form>
  );
}
