/**
 * What a TID 1500 report says about the reader's review: each finding's verdict as a content item of
 * its measurement group, the reader as a person observer (TID 1002/1003) beside DICOM Ink the device,
 * and the SR Document General Module's Verification Flag with the Verifying Observer (PS3.3 C.17.2).
 *
 * PS3.16 has no concept for "a reader's verdict on an algorithm's finding", so the verdict is a TEXT
 * item whose concept name is a code of DICOM Ink's private scheme (99DICOMINK, PS3.16 8): code REVIEW,
 * meaning "Review state", value accepted | rejected | edited | unreviewed (README, "Review").
 */
import { sr } from 'dcmjs';
import { reviewOf, type ReviewState } from '../../shared/review/review-state';
import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';
import { FOUND_BY_CONCEPT, REVIEW_STATE_CONCEPT } from '../../shared/findings/sr/report-concepts';
import type { Code } from './finding-codes';
import type { TwinFinding, TwinImage } from './types';

const { CodedConcept } = sr.coding;
const { RelationshipTypes } = sr.valueTypes;

/** Who gave the verdicts: a DICOM person name ("DOE^JANE") and, where known, an organisation. */
export interface Reviewer {
  name: string;
  organisation?: string;
}

function concept(code: Code): InstanceType<typeof CodedConcept> {
  return new CodedConcept({ value: code.value, schemeDesignator: code.scheme, meaning: code.meaning });
}

/** The TEXT item "Review state" of one finding's measurement group (CONTAINS, as its other evaluations). */
export function reviewStateItem(finding: TwinFinding): object {
  return new sr.valueTypes.TextContentItem({
    name: concept(REVIEW_STATE_CONCEPT),
    value: reviewOf(finding),
    relationshipType: RelationshipTypes.CONTAINS,
  });
}

/**
 * The TEXT item "Found by" of one finding's measurement group: the document's observers are the
 * algorithm (device) and the reader (person), so each finding says which of them found it.
 */
export function foundByItem(finding: TwinFinding): object {
  return new sr.valueTypes.TextContentItem({
    name: concept(FOUND_BY_CONCEPT),
    value: finding.finder === 'reader' ? 'reader' : 'algorithm',
    relationshipType: RelationshipTypes.CONTAINS,
  });
}

/** True when every finding of these images has a verdict (none left unreviewed). */
export function everyFindingReviewed(images: readonly TwinImage[]): boolean {
  return images.every((image) => image.findings.every((f) => reviewOf(f) !== 'unreviewed'));
}

/** VERIFIED only when a reviewer is named and every finding the report holds is reviewed. */
export function isVerified(images: readonly TwinImage[], reviewer: Reviewer | undefined): boolean {
  return reviewer !== undefined && everyFindingReviewed(images);
}

/**
 * TID 1002 Observer Context of the reader (observer type Person, TID 1003): name, organisation where
 * known, and role in this procedure "Verifying" (DCM 121098) when the report is verified.
 */
export function readerObserverContext(
  reviewer: Reviewer,
  verifying: boolean,
): InstanceType<typeof sr.templates.ObserverContext> {
  const attributes = new sr.templates.PersonObserverIdentifyingAttributes({
    name: reviewer.name,
    ...(reviewer.organisation !== undefined ? { organizationName: reviewer.organisation } : {}),
    ...(verifying
      ? { roleInProcedure: concept({ value: '121098', scheme: 'DCM', meaning: 'Verifying' }) }
      : {}),
  });
  return new sr.templates.ObserverContext({
    observerType: concept({ value: '121006', scheme: 'DCM', meaning: 'Person' }),
    observerIdentifyingAttributes: attributes,
  });
}

/** Verifying Organization is Type 1: what is written when no organisation was given. */
export const UNKNOWN_ORGANISATION = 'UNKNOWN';

/**
 * Verification Flag (0040,A493) and, when VERIFIED, the Verifying Observer Sequence (0040,A073): name
 * (PN), organisation (LO), Verification DateTime (DT) and the Type 2 identification code sequence.
 */
export function verificationElements(
  images: readonly TwinImage[],
  reviewer: Reviewer | undefined,
  verifiedAt: string,
): DataElement[] {
  if (reviewer === undefined || !isVerified(images, reviewer))
    return [textElement(0x0040a493, 'CS', 'UNVERIFIED')];
  return [
    textElement(0x0040a493, 'CS', 'VERIFIED'),
    sequenceElement(0x0040a073, [
      [
        textElement(0x0040a027, 'LO', reviewer.organisation ?? UNKNOWN_ORGANISATION),
        textElement(0x0040a030, 'DT', verifiedAt),
        textElement(0x0040a075, 'PN', reviewer.name),
        sequenceElement(0x0040a088, []),
      ],
    ]),
  ];
}

/** How many findings of these images are in each state (for messages and tests). */
export function reviewCounts(images: readonly TwinImage[]): Record<ReviewState, number> {
  const counts: Record<ReviewState, number> = { accepted: 0, rejected: 0, edited: 0, unreviewed: 0 };
  for (const image of images) for (const f of image.findings) counts[reviewOf(f)]++;
  return counts;
}
