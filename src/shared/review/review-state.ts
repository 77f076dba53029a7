/**
 * A reader's verdict on one finding. Every finding a model or a box file brings starts `unreviewed`;
 * `edited` is accepted after the reader moved, resized or relabelled it; a finding the reader drew is
 * `accepted` by its author. Absent (undefined) means `unreviewed` everywhere a finding carries it.
 */
export type ReviewState = 'unreviewed' | 'accepted' | 'rejected' | 'edited';

export const REVIEW_STATES: readonly ReviewState[] = ['accepted', 'rejected', 'edited', 'unreviewed'];

export function isReviewState(text: string): text is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(text);
}

/** The state of a finding that may not carry one: absent is unreviewed. */
export function reviewOf(finding: { review?: ReviewState }): ReviewState {
  return finding.review ?? 'unreviewed';
}

/** Burned in and drawn in a presentation state: every finding but a rejected one. */
export function isShown(finding: { review?: ReviewState }): boolean {
  return finding.review !== 'rejected';
}

/** A verdict has been given (accepted, edited or rejected). */
export function isReviewed(finding: { review?: ReviewState }): boolean {
  return reviewOf(finding) !== 'unreviewed';
}

/** True when the text holds a backslash (DICOM's value separator) or a control character. */
export function hasControlOrBackslash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f || unit === 0x5c) return true;
  }
  return false;
}

/**
 * DICOM Person Name (PS3.5 6.2, VR PN) of a reviewer as a person types it: "DOE^JANE" (family^given).
 * Up to five components separated by '^', each at most 64 characters, no backslash or control
 * characters. Returns the trimmed name, or the reason it is not one.
 */
export function parseReviewerName(text: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = text.trim();
  if (name === '')
    return { ok: false, reason: 'the reviewer name is empty; write it as FAMILY^GIVEN, e.g. DOE^JANE' };
  if (hasControlOrBackslash(name) || name.includes('='))
    return {
      ok: false,
      reason: `the reviewer name "${name}" holds a backslash, "=" or a control character, which a DICOM person name cannot hold; write it as FAMILY^GIVEN, e.g. DOE^JANE`,
    };
  const parts = name.split('^');
  if (parts.length > 5 || parts.some((p) => p.length > 64))
    return {
      ok: false,
      reason: `the reviewer name "${name}" is not a DICOM person name (at most 5 parts separated by ^, each up to 64 characters); write it as FAMILY^GIVEN, e.g. DOE^JANE`,
    };
  return { ok: true, name };
}
