/**
 * IHE IOCM Rejection Note (IHE RAD TF-3 Instance Availability / IOCM): a Key Object Selection Document
 * titled (113001, DCM, "Rejected for Quality Reasons") in the study of the instances it withdraws. A PACS
 * that implements IOCM hides the listed instances; one that does not simply stores the note.
 */
import { deriveUid } from '../dicom/uids';
import type { DataElement } from '../dicom/write/element';
import type { KeyObjectDocument, SelectedInstance } from './key-object-selection';
import { buildKeyObjectSelection } from './key-object-selection';
import { twinSeriesDescription } from './document-base';

export const REJECTED_FOR_QUALITY_REASONS = {
  value: '113001',
  scheme: 'DCM',
  meaning: 'Rejected for Quality Reasons',
} as const;

export interface RejectionNoteInput {
  studyInstanceUid: string;
  /** Patient and General Study text of the study (from one of its instances), by 8-digit hex tag */
  study: Readonly<Record<string, string>>;
  /** every instance withdrawn, none of the version that replaces them */
  rejected: readonly SelectedInstance[];
  /** what replaces them, for the Key Object Description ('version v2 3F9A2C, 5 findings') */
  replacedBy: string;
  created: Date;
}

export interface RejectionNote {
  sopInstanceUid: string;
  elements: DataElement[];
}

/**
 * The note's data elements. Its UIDs derive from the instances it rejects, so the same rejection sent
 * again (after a failed attempt) is the same instance, which the PACS keeps once.
 */
export function buildRejectionNote(input: RejectionNoteInput): RejectionNote {
  const listed = input.rejected.map((i) => i.sopInstanceUid).sort();
  const sopInstanceUid = deriveUid('dicom-ink:rejection-note', input.studyInstanceUid, ...listed);
  const document: KeyObjectDocument = {
    study: input.study,
    studyInstanceUid: input.studyInstanceUid,
    sopInstanceUid,
    seriesInstanceUid: deriveUid('dicom-ink:rejection-series', input.studyInstanceUid),
    seriesNumber: 4000,
    seriesDescription: twinSeriesDescription(undefined, 'rejection notes'),
    created: input.created,
    title: REJECTED_FOR_QUALITY_REASONS,
    description: `Earlier DICOM Ink version withdrawn: replaced by ${input.replacedBy}`,
    instances: input.rejected,
  };
  return { sopInstanceUid, elements: buildKeyObjectSelection(document) };
}
