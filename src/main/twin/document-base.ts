/**
 * What every twin document (Presentation State, Structured Report) shares: the patient and study of
 * its source, a new series that says what made it, the equipment (DICOM Ink) and the SOP Common Module.
 */
import { longStringEndingWith } from '../../shared/dicom/long-string';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { contributingEquipment } from '../dicom/write/contributing-equipment';
import type { DataElement } from '../dicom/write/element';
import { textElement } from '../dicom/write/element';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import type { TwinImage } from './types';

export interface TwinIdentity {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  seriesNumber: number;
  seriesDescription: string;
  /** when the document was made (Presentation Creation / Content Date and Time) */
  created: Date;
  /** the algorithm that found the findings: named in Contributing Equipment (and the SR's observer) */
  algorithm?: AlgorithmIdentity;
}

const TIMEZONE_OFFSET_FROM_UTC = 0x00080201;

/** The Timezone Offset From UTC (0008,0201) a twin copies from its source, when it is a valid &ZZXX. */
export function sourceTimezoneOffset(source: TwinImage): string | undefined {
  const element = source.patientStudy.find((e) => e.tag === TIMEZONE_OFFSET_FROM_UTC);
  const text = element && 'text' in element ? element.text.trim() : '';
  return /^[+-]\d{4}$/.test(text) ? text : undefined;
}

/**
 * DA and TM of a moment (PS3.5 6.2). With an offset (&ZZXX, as Timezone Offset From UTC says it) the
 * moment is written in that zone, since the object declares it for all its dates and times (PS3.3
 * C.12.1.1.8); without one, in the machine's local time, as DICOM dates are when no offset is given.
 */
export function dicomDateTime(moment: Date, offset?: string): { date: string; time: string } {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const match = offset === undefined ? null : /^([+-])(\d\d)(\d\d)$/.exec(offset);
  if (match) {
    const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
    const zoned = new Date(moment.getTime() + minutes * 60_000);
    return {
      date: `${zoned.getUTCFullYear()}${pad(zoned.getUTCMonth() + 1)}${pad(zoned.getUTCDate())}`,
      time: `${pad(zoned.getUTCHours())}${pad(zoned.getUTCMinutes())}${pad(zoned.getUTCSeconds())}`,
    };
  }
  return {
    date: `${moment.getFullYear()}${pad(moment.getMonth() + 1)}${pad(moment.getDate())}`,
    time: `${pad(moment.getHours())}${pad(moment.getMinutes())}${pad(moment.getSeconds())}`,
  };
}

/** IS: a twin series numbered after its source's (kept apart by `offset`), within IS's range. */
export function twinSeriesNumber(source: number | undefined, offset: number): number {
  if (source === undefined || !Number.isInteger(source)) return offset;
  const shifted = source + offset;
  return shifted <= 2147483647 ? shifted : source;
}

/** '<source description> [DICOM Ink <what>]' within LO's 64 characters. */
export function twinSeriesDescription(source: string | undefined, what: string): string {
  return longStringEndingWith(source, `[${SOFTWARE_NAME} ${what}]`);
}

/**
 * Patient, General Study, Patient Study (copied from the source), General Series / SR Document Series
 * identity, General Equipment and SOP Common. `modality` is PR, SR or SEG.
 */
export function documentBase(
  source: TwinImage,
  identity: TwinIdentity,
  modality: 'PR' | 'SR' | 'SEG',
): DataElement[] {
  const { date, time } = dicomDateTime(identity.created, sourceTimezoneOffset(source));
  const elements: DataElement[] = [
    ...source.patientStudy,
    // SOP Common (PS3.3 C.12.1)
    textElement(0x00080012, 'DA', date),
    textElement(0x00080013, 'TM', time),
    textElement(0x00080016, 'UI', identity.sopClassUid),
    textElement(0x00080018, 'UI', identity.sopInstanceUid),
    textElement(0x0020000d, 'UI', source.studyInstanceUid),
    // General Series / Presentation Series / SR Document Series (C.7.3.1, C.11.9, C.17.1)
    textElement(0x00080060, 'CS', modality),
    textElement(0x0020000e, 'UI', identity.seriesInstanceUid),
    textElement(0x00200011, 'IS', String(identity.seriesNumber)),
    textElement(0x0008103e, 'LO', identity.seriesDescription),
    // General Equipment (C.7.5.1)
    textElement(0x00080070, 'LO', SOFTWARE_NAME),
    textElement(0x00081090, 'LO', SOFTWARE_NAME),
    textElement(0x00181020, 'LO', SOFTWARE_VERSION),
  ];
  if (identity.algorithm !== undefined) elements.push(contributingEquipment(identity.algorithm));
  if (source.characterSet !== undefined) elements.push(textElement(0x00080005, 'CS', source.characterSet));
  return elements;
}

/** Elements in ascending tag order with one element per tag (the last given wins), as PS3.5 7.1 needs. */
export function inTagOrder(elements: readonly DataElement[]): DataElement[] {
  const byTag = new Map<number, DataElement>();
  for (const element of elements) byTag.set(element.tag >>> 0, element);
  return [...byTag.entries()].sort((a, b) => a[0] - b[0]).map(([, element]) => element);
}
