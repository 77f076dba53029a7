/**
 * Key Object Selection Document (PS3.3 A.59): a document whose title says why the instances it lists
 * were selected, and which lists them (TID 2010 Key Object Selection). Used for IHE IOCM Rejection Notes
 * (rejection-note.ts) and meant for key images as well. Pure: data in, data elements out.
 */
import { toLongString } from '../../shared/dicom/long-string';
import type { DataElement } from '../dicom/write/element';
import { sequenceElement, textElement } from '../dicom/write/element';
import { currentProcedureEvidence } from './procedure-evidence';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import { dicomDateTime, inTagOrder } from './document-base';

export const KEY_OBJECT_SELECTION_STORAGE = '1.2.840.10008.5.1.4.1.1.88.59';

/** A coded concept: (value, scheme, meaning). */
export interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/** An instance a key object document lists. */
export interface SelectedInstance {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
}

export interface KeyObjectDocument {
  /** Patient and General Study text attributes by 8-digit hex tag (Specific Character Set among them) */
  study: Readonly<Record<string, string>>;
  studyInstanceUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  seriesNumber: number;
  seriesDescription: string;
  created: Date;
  /** the document title (CID 7010), e.g. (113001, DCM, "Rejected for Quality Reasons") */
  title: Code;
  /** Key Object Description (113012, DCM): free text, optional */
  description?: string;
  instances: readonly SelectedInstance[];
}

function codeItem(code: Code): DataElement[] {
  return [
    textElement(0x00080100, 'SH', code.value),
    textElement(0x00080102, 'SH', code.scheme),
    textElement(0x00080104, 'LO', code.meaning),
  ];
}

/** Image storage classes (Secondary Capture family) are IMAGE items; documents are COMPOSITE (TID 2010). */
function valueType(sopClassUid: string): 'IMAGE' | 'COMPOSITE' {
  return sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.7') ? 'IMAGE' : 'COMPOSITE';
}

function referenceItem(instance: SelectedInstance): DataElement[] {
  return [
    textElement(0x0040a010, 'CS', 'CONTAINS'),
    textElement(0x0040a040, 'CS', valueType(instance.sopClassUid)),
    sequenceElement(0x00081199, [
      [
        textElement(0x00081150, 'UI', instance.sopClassUid),
        textElement(0x00081155, 'UI', instance.sopInstanceUid),
      ],
    ]),
  ];
}

function descriptionItem(text: string): DataElement[] {
  return [
    textElement(0x0040a010, 'CS', 'CONTAINS'),
    textElement(0x0040a040, 'CS', 'TEXT'),
    sequenceElement(0x0040a043, [
      codeItem({ value: '113012', scheme: 'DCM', meaning: 'Key Object Description' }),
    ]),
    textElement(0x0040a160, 'UT', text),
  ];
}

/** Current Requested Procedure Evidence (C.17.6.2): every listed instance, by series in UID order. */
function evidence(document: KeyObjectDocument): DataElement {
  const bySeries = [...document.instances].sort((a, b) =>
    a.seriesInstanceUid < b.seriesInstanceUid ? -1 : a.seriesInstanceUid > b.seriesInstanceUid ? 1 : 0,
  );
  return currentProcedureEvidence(document.studyInstanceUid, bySeries);
}

/** Patient and General Study (Type 2 attributes present, empty when the study's instances lack them). */
function patientStudy(study: Readonly<Record<string, string>>): DataElement[] {
  const vr: Record<string, Parameters<typeof textElement>[1]> = {
    '00080005': 'CS',
    '00080020': 'DA',
    '00080030': 'TM',
    '00080050': 'SH',
    '00080090': 'PN',
    '00081030': 'LO',
    '00100010': 'PN',
    '00100020': 'LO',
    '00100030': 'DA',
    '00100040': 'CS',
    '00200010': 'SH',
  };
  const optional = new Set(['00080005', '00081030']);
  return Object.entries(vr)
    .filter(([tag]) => !optional.has(tag) || study[tag] !== undefined)
    .map(([tag, type]) => textElement(parseInt(tag, 16), type, study[tag] ?? ''));
}

/** The document's data elements (no File Meta), in tag order. */
export function buildKeyObjectSelection(document: KeyObjectDocument): DataElement[] {
  const { date, time } = dicomDateTime(document.created);
  const content = [
    ...(document.description === undefined ? [] : [descriptionItem(document.description)]),
    ...document.instances.map(referenceItem),
  ];
  return inTagOrder([
    ...patientStudy(document.study),
    // SOP Common (C.12.1)
    textElement(0x00080012, 'DA', date),
    textElement(0x00080013, 'TM', time),
    textElement(0x00080016, 'UI', KEY_OBJECT_SELECTION_STORAGE),
    textElement(0x00080018, 'UI', document.sopInstanceUid),
    textElement(0x0020000d, 'UI', document.studyInstanceUid),
    // Key Object Document Series (C.17.6.1)
    textElement(0x00080060, 'CS', 'KO'),
    textElement(0x0020000e, 'UI', document.seriesInstanceUid),
    textElement(0x00200011, 'IS', String(document.seriesNumber)),
    textElement(0x0008103e, 'LO', toLongString(document.seriesDescription)),
    sequenceElement(0x00081111, []),
    // General Equipment (C.7.5.1)
    textElement(0x00080070, 'LO', SOFTWARE_NAME),
    textElement(0x00081090, 'LO', SOFTWARE_NAME),
    textElement(0x00181020, 'LO', SOFTWARE_VERSION),
    // Key Object Document (C.17.6.2)
    textElement(0x00200013, 'IS', '1'),
    textElement(0x00080023, 'DA', date),
    textElement(0x00080033, 'TM', time),
    evidence(document),
    // SR Document Content (C.17.3): the titled root container of TID 2010
    textElement(0x0040a040, 'CS', 'CONTAINER'),
    sequenceElement(0x0040a043, [codeItem(document.title)]),
    textElement(0x0040a050, 'CS', 'SEPARATE'),
    sequenceElement(0x0040a504, [
      [textElement(0x00080105, 'CS', 'DCMR'), textElement(0x0040db00, 'CS', '2010')],
    ]),
    sequenceElement(0x0040a730, content),
  ]);
}
