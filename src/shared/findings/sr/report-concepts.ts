/**
 * DICOM Ink's private coding scheme (PS3.16 8: designators beginning "99" are private) and the two
 * concepts of it a TID 1500 report carries in each finding's group: the reader's verdict and who found
 * the finding. The report writer (src/main/twin/review-content.ts) names its items with them and the
 * report reader (read-sr.ts) knows them by them, so the two cannot drift apart.
 */

export const DICOM_INK_SCHEME = '99DICOMINK';

/** A coded concept: value, scheme and meaning (PS3.3 Table 8.8-1). */
export interface ReportConcept {
  value: string;
  scheme: string;
  meaning: string;
}

/** The concept name of a finding's verdict (no standard concept fits). */
export const REVIEW_STATE_CONCEPT: ReportConcept = {
  value: 'REVIEW',
  scheme: DICOM_INK_SCHEME,
  meaning: 'Review state',
};

/**
 * The concept name of who found a finding: value 'reader' for a finding the reader drew, 'algorithm' for
 * one the algorithm found (the box file's `finder` column).
 */
export const FOUND_BY_CONCEPT: ReportConcept = {
  value: 'FINDER',
  scheme: DICOM_INK_SCHEME,
  meaning: 'Found by',
};

/** Whether a coded concept read from a file is `concept` (by value and scheme; the meaning may vary). */
export function isConcept(
  code: Pick<ReportConcept, 'value' | 'scheme'> | undefined,
  concept: ReportConcept,
): boolean {
  return code?.value === concept.value && code.scheme === concept.scheme;
}
