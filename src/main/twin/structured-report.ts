/**
 * Comprehensive SR (PS3.3 A.35.3) holding one study's findings as a TID 1500 Measurement Report. The
 * content tree comes from measurement-report.ts (dcmjs templates); this adds the document modules.
 * Pure: data in, data elements out.
 */
import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';
import { documentBase, dicomDateTime, inTagOrder, type TwinIdentity } from './document-base';
import { PRIVATE_SCHEME, PRIVATE_SCHEME_NAME } from './finding-codes';
import { verificationElements, type Reviewer } from './review-content';
import { measurementReportContent } from './measurement-report';
import { naturalizedElements } from './naturalized-elements';
import type { TwinImage } from './types';

export const COMPREHENSIVE_SR_STORAGE = '1.2.840.10008.5.1.4.1.1.88.33';

/** The images the report's content references, by series (SR Document General Module evidence). */
/** DT of a moment (local time, to the second), as DA and TM of dicomDateTime joined. */
function dicomDateTimeValue(moment: Date): string {
  const { date, time } = dicomDateTime(moment);
  return `${date}${time}`;
}

function evidence(images: readonly TwinImage[]): DataElement {
  const first = images[0] as TwinImage;
  const series = [...new Set(images.map((i) => i.seriesInstanceUid))];
  return sequenceElement(0x0040a385, [
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

/** SOP Common Coding Scheme Identification (C.12.1): our private scheme (review states, some labels). */
function codingSchemes(): DataElement[] {
  // Always used: every measurement group holds a "Review state" item of the private scheme.
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
export function buildStructuredReport(
  images: readonly TwinImage[],
  identity: TwinIdentity,
  reviewer?: Reviewer,
): DataElement[] {
  const first = images[0];
  if (first === undefined) throw new RangeError('a report needs at least one image with findings');
  const { date, time } = dicomDateTime(identity.created);
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
    ...verificationElements(images, reviewer, dicomDateTimeValue(identity.created)),
    textElement(0x0040a496, 'CS', 'PRELIMINARY'),
    sequenceElement(0x0040a372, []),
    evidence(images),
    // SR Document Content (C.17.3): the root container and its tree
    ...naturalizedElements(measurementReportContent(images, reviewer)),
  ]);
}
