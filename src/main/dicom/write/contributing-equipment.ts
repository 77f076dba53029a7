/**
 * Contributing Equipment Sequence (0018,A001; General Equipment / SOP Common, PS3.3 C.12.1) as IHE AI
 * Results asks of every result object: one item for the algorithm that found the findings and one for
 * DICOM Ink, which drew or wrote them. Each item has Manufacturer, Manufacturer's Model Name, Software
 * Versions, a Device UID derived from the identity (the same algorithm always has the same UID) and a
 * Purpose of Reference: the algorithm's as IHE AI Results codes it, DICOM Ink's from CID 7005.
 */
import { toLongString } from '../../../shared/dicom/long-string';
import type { AlgorithmIdentity } from '../../../shared/findings/algorithm-identity';
import { deriveUid } from '../uids';
import type { DataElement } from './element';
import { sequenceElement, textElement } from './element';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from './implementation';

/** A coded concept (code value, coding scheme designator, code meaning). */
export interface CodedConcept {
  value: string;
  scheme: string;
  meaning: string;
}

/**
 * IHE AI Results (Rad TF-3, the Contributing Equipment Sequence of every AI result): the algorithm that
 * produced the findings, coded by IHE (99IHE) until DICOM adds a code of its own; CID 7005 is extensible.
 */
export const PROCESSING_ALGORITHM: CodedConcept = {
  value: 'Newcode1',
  scheme: '99IHE',
  meaning: 'Processing Algorithm',
};

/** CID 7005: DICOM Ink changed the images' presentation (burned the findings in, wrote their twins). */
export const MODIFYING_EQUIPMENT: CodedConcept = {
  value: '109103',
  scheme: 'DCM',
  meaning: 'Modifying Equipment',
};

/** Manufacturer is Type 1 in a Contributing Equipment item: said plainly when the findings do not name it. */
export const UNKNOWN_MANUFACTURER = 'unknown manufacturer';

/** The algorithm's Device UID: derived from its name, version and maker, the same on every run. */
export function algorithmDeviceUid(algorithm: AlgorithmIdentity): string {
  return deriveUid(
    'dicom-ink:algorithm',
    algorithm.name,
    algorithm.version ?? '',
    algorithm.manufacturer ?? '',
  );
}

/** DICOM Ink's Device UID (one per version). */
export function softwareDeviceUid(): string {
  return deriveUid('dicom-ink:software', SOFTWARE_NAME, SOFTWARE_VERSION);
}

function codeItem(code: CodedConcept): DataElement[] {
  return [
    textElement(0x00080100, 'SH', code.value),
    textElement(0x00080102, 'SH', code.scheme),
    textElement(0x00080104, 'LO', code.meaning),
  ];
}

interface EquipmentItem {
  manufacturer: string;
  model: string;
  version?: string;
  deviceUid: string;
  purpose: CodedConcept;
  description: string;
}

/** One item, its elements in tag order. LO values are cut to 64 characters. */
function equipmentItem(item: EquipmentItem): DataElement[] {
  return [
    textElement(0x00080070, 'LO', toLongString(item.manufacturer)),
    textElement(0x00081090, 'LO', toLongString(item.model)),
    textElement(0x00181002, 'UI', item.deviceUid),
    ...(item.version === undefined ? [] : [textElement(0x00181020, 'LO', toLongString(item.version))]),
    textElement(0x0018a003, 'ST', item.description),
    sequenceElement(0x0040a170, [codeItem(item.purpose)]),
  ];
}

/** The two items: the algorithm first, then DICOM Ink. */
export function contributingEquipment(algorithm: AlgorithmIdentity): DataElement {
  return sequenceElement(0x0018a001, [
    equipmentItem({
      manufacturer: algorithm.manufacturer ?? UNKNOWN_MANUFACTURER,
      model: algorithm.name,
      ...(algorithm.version === undefined ? {} : { version: algorithm.version }),
      deviceUid: algorithmDeviceUid(algorithm),
      purpose: PROCESSING_ALGORITHM,
      description: 'Algorithm that produced the findings',
    }),
    equipmentItem({
      manufacturer: SOFTWARE_NAME,
      model: SOFTWARE_NAME,
      version: SOFTWARE_VERSION,
      deviceUid: softwareDeviceUid(),
      purpose: MODIFYING_EQUIPMENT,
      description: 'Burned the findings into copies of the images and wrote their twins',
    }),
  ]);
}
