/**
 * Comprehensive SR (PS3.3 A.35.3) holding one study's findings as a TID 1500 Measurement Report. The
 * content tree comes from measurement-report.ts (dcmjs templates); this adds the document modules.
 * Pure: data in, data elements out.
 */
import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';
import {
  documentBase,
  dicomDateTime,
  inTagOrder,
  sourceTimezoneOffset,
  type TwinIdentity,
} from './document-base';
import { privateSchemeIdentification } from './finding-codes';
import { verificationElements, type Reviewer } from './review-content';
import { measurementReportContent } from './measurement-report';
import { currentProcedureEvidence } from './procedure-evidence';
import { naturalizedElements } from './naturalized-elements';
import type { TwinImage } from './types';

export const COMPREHENSIVE_SR_STORAGE = '1.2.840.10008.5.1.4.1.1.88.33';

/**
 * DT of a moment, to the second, in the source's Timezone Offset From UTC (with that offset as the DT's
 * suffix, PS3.5 6.2), else local time: DA and TM of dicomDateTime joined.
 */
function dicomDateTimeValue(moment: Date, offset: string | undefined): string {
  const { date, time } = dicomDateTime(moment, offset);
  return `${date}${time}${offset ?? ''}`;
}

/**
 * The images the report's content references, by series: Current Requested Procedure Evidence
 * (0040,A375), as they belong to the report's own study (PS3.3 C.17.2.3: Pertinent Other Evidence is
 * for evidence outside the current requested procedure).
 */

function evidence(images: readonly TwinImage[]): DataElement {
  return currentProcedureEvidence((images[0] as TwinImage).studyInstanceUid, images);
}

/** SOP Common Coding Scheme Identification (C.12.1): our private scheme (review states, some labels). */
function codingSchemes(): DataElement[] {
  // Always used: every measurement group holds a "Review state" item of the private scheme.
  return [privateSchemeIdentification()];
}

/**
 * The report's data elements (no File Meta). `images` are the study's converted images that have
 * findings, in the order their findings are to be reported.
 */
export function buildStructuredReport(
  images: readonly TwinImage[],
  identity: TwinIdentity,
  reviewer?: Reviewer,
): DataElement[] {
  const first = images[0];
  if (first === undefined) throw new RangeError('a report needs at least one image with findings');
  const offset = sourceTimezoneOffset(first);
  const { date, time } = dicomDateTime(identity.created, offset);
  return inTagOrder([
    ...documentBase(first, identity, 'SR'),
    ...codingSchemes(),
    // SR Document Series (C.17.1): Referenced Performed Procedure Step is Type 2
    sequenceElement(0x00081111, []),
    // SR Document General (C.17.2)
    textElement(0x00200013, 'IS', '1'),
    textElement(0x00080023, 'DA', date),
    textElement(0x00080033, 'TM', time),
    textElement(0x0040a491, 'CS', 'COMPLETE'),
    ...verificationElements(images, reviewer, dicomDateTimeValue(identity.created, offset)),
    textElement(0x0040a496, 'CS', 'PRELIMINARY'),
    sequenceElement(0x0040a372, []),
    evidence(images),
    // SR Document Content (C.17.3): the root container and its tree
    ...naturalizedElements(measurementReportContent(images, reviewer, identity.algorithm)),
  ]);
}
