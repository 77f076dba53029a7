import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';

/** An instance a document lists as evidence. */
export interface EvidenceInstance {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
}

/**
 * Current Requested Procedure Evidence Sequence (0040,A375; PS3.3 C.17.2.3, C.17.6.2): the instances of
 * the document's own study, by series in the order they first appear, each series' instances in order.
 */
export function currentProcedureEvidence(
  studyInstanceUid: string,
  instances: readonly EvidenceInstance[],
): DataElement {
  const series = [...new Set(instances.map((i) => i.seriesInstanceUid))];
  return sequenceElement(0x0040a375, [
    [
      sequenceElement(
        0x00081115,
        series.map((uid) => [
          sequenceElement(
            0x00081199,
            instances
              .filter((i) => i.seriesInstanceUid === uid)
              .map((i) => [
                textElement(0x00081150, 'UI', i.sopClassUid),
                textElement(0x00081155, 'UI', i.sopInstanceUid),
              ]),
          ),
          textElement(0x0020000e, 'UI', uid),
        ]),
      ),
      textElement(0x0020000d, 'UI', studyInstanceUid),
    ],
  ]);
}
