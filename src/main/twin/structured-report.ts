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
import { findingTypeCode, PRIVATE_SCHEME, PRIVATE_SCHEME_NAME } from './finding-codes';
import { measurementReportContent } from './measurement-report';
import { naturalizedElements } from './naturalized-elements';
import type { TwinImage } from './types';

export const COMPREHENSIVE_SR_STORAGE = '1.2.840.10008.5.1.4.1.1.88.33';

/**
 * The images the report's content references, by series: Current Requested Procedure Evidence
 * (0040,A375), as they belong to the report's own study (PS3.3 C.17.2.3: Pertinent Other Evidence is
 * for evidence outside the current requested procedure).
 */
function evidence(images: readonly TwinImage[]): DataElement {
  const first = images[0] as TwinImage;
  const series = [...new Set(images.map((i) => i.seriesInstanceUid))];
  return sequenceElement(0x0040a375, [
    [
      sequenceElement(
        0x00081115,
        series.map((uid) => [
          sequenceElement(
            0x00081199,
            images
              .filter((i) => i.seriesInstanceUid === uid)
              .map((i) => [
                textElement(0x00081150, 'UI', i.sopClassUid),
                textElement(0x00081155, 'UI', i.sopInstanceUid),
              ]),
          ),
          textElement(0x0020000e, 'UI', uid),
        ]),
      ),
      textElement(0x0020000d, 'UI', first.studyInstanceUid),
    ],
  ]);
}

/** SOP Common Coding Scheme Identification (C.12.1): our private scheme, when a label needed it. */
function codingSchemes(images: readonly TwinImage[]): DataElement[] {
  const usesPrivate = images.some((i) =>
    i.findings.some((f) => findingTypeCode(f.label).scheme === PRIVATE_SCHEME),
  );
  if (!usesPrivate) return [];
  return [
    sequenceElement(0x00080110, [
      [
        textElement(0x00080102, 'SH', PRIVATE_SCHEME),
        textElement(0x00080115, 'ST', PRIVATE_SCHEME_NAME),
        textElement(0x00080116, 'ST', 'DICOM Ink'),
      ],
    ]),
  ];
}

/**
 * The report's data elements (no File Meta). `images` are the study's converted images that have
 * findings, in the order their findings are to be reported.
 */
export function buildStructuredReport(images: readonly TwinImage[], identity: TwinIdentity): DataElement[] {
  const first = images[0];
  if (first === undefined) throw new RangeError('a report needs at least one image with findings');
  const { date, time } = dicomDateTime(identity.created, sourceTimezoneOffset(first));
  return inTagOrder([
    ...documentBase(first, identity, 'SR'),
    ...codingSchemes(images),
    // SR Document Series (C.17.1): Referenced Performed Procedure Step is Type 2
    sequenceElement(0x00081111, []),
    // SR Document General (C.17.2)
    textElement(0x00200013, 'IS', '1'),
    textElement(0x00080023, 'DA', date),
    textElement(0x00080033, 'TM', time),
    textElement(0x0040a491, 'CS', 'COMPLETE'),
    textElement(0x0040a493, 'CS', 'UNVERIFIED'),
    textElement(0x0040a496, 'CS', 'PRELIMINARY'),
    sequenceElement(0x0040a372, []),
    evidence(images),
    // SR Document Content (C.17.3): the root container and its tree
    ...naturalizedElements(measurementReportContent(images)),
  ]);
}
