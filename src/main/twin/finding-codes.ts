import { DICOM_INK_SCHEME } from '../../shared/findings/sr/report-concepts';
import { toLongString } from '../../shared/dicom/long-string';
import { deriveUid } from '../dicom/uids';
import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';

/** A coded concept as plain data (PS3.3 8.8): value, scheme, meaning. */
export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/**
 * DICOM Ink's private coding scheme (PS3.16 8: designators beginning "99" are private) for finding
 * labels no standard code is known for (the label is the meaning, the value derived from it) and for
 * the concept "Review state" (review-content.ts).
 */
export const PRIVATE_SCHEME = DICOM_INK_SCHEME;
export const PRIVATE_SCHEME_NAME = 'DICOM Ink finding labels and review states';

/** SOP Common Coding Scheme Identification Sequence (C.12.1) naming the private scheme. */
export function privateSchemeIdentification(): DataElement {
  return sequenceElement(0x00080110, [
    [
      textElement(0x00080102, 'SH', PRIVATE_SCHEME),
      textElement(0x00080115, 'ST', PRIVATE_SCHEME_NAME),
      textElement(0x00080116, 'ST', 'DICOM Ink'),
    ],
  ]);
}

/** Labels with a known SNOMED CT concept (as PS3.16 lists them, e.g. CID 7151 / CID 6102 terms). */
const KNOWN: Readonly<Record<string, Code>> = {
  lesion: { value: '52988006', scheme: 'SCT', meaning: 'Lesion' },
  nodule: { value: '27925004', scheme: 'SCT', meaning: 'Nodule' },
};

/** A finding without a label: SNOMED CT "Finding". */
const UNLABELLED: Code = { value: '404684003', scheme: 'SCT', meaning: 'Finding' };

/**
 * Finding type of a label: a standard code where one is known, else a code of DICOM Ink's private
 * scheme whose meaning is the label itself (CodeValue SH: at most 16 characters, from the label).
 */
export function findingTypeCode(label: string | undefined): Code {
  if (label === undefined || label.trim() === '') return UNLABELLED;
  const known = KNOWN[label.trim().toLowerCase()];
  if (known) return known;
  const value = `L${deriveUid('dicom-ink:label', label).slice(5, 20)}`;
  return { value, scheme: PRIVATE_SCHEME, meaning: toLongString(label) };
}

/** CID 7150 "Morphologically Altered Structure": the category of the known lesion and nodule codes. */
const MORPHOLOGICALLY_ALTERED: Code = {
  value: '49755003',
  scheme: 'SCT',
  meaning: 'Morphologically Altered Structure',
};

/**
 * Segmented Property Category of a label (PS3.3 C.8.20.2: what kind of thing its Property Type is): the
 * morphological category for the labels with a known code; for any other label SNOMED CT "Clinical
 * finding", as little as is known of a label named by an algorithm (its type is then the private code).
 */
export function segmentCategoryCode(label: string | undefined): Code {
  const type = findingTypeCode(label);
  if (type.scheme === 'SCT' && type !== UNLABELLED) return MORPHOLOGICALLY_ALTERED;
  return { value: '404684003', scheme: 'SCT', meaning: 'Clinical finding' };
}
