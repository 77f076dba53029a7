import { readFile } from 'node:fs/promises';
import { stringValue } from '../dicom/dataset-values';
import { parseDataset } from '../dicom/parse-dataset';

/** What delivery and media need to know about one DICOM file (its header, read once). */
export interface InstanceInfo {
  path: string;
  size: number;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  /** attributes copied into DICOMDIR records (PS3.3 F.5), as found (undefined when absent) */
  tags: Record<string, string | undefined>;
}

export type InstanceRead =
  { ok: true; info: InstanceInfo } | { ok: false; notDicom: boolean; reason: string };

/** Attributes DICOMDIR records carry (patient, study, series and image levels). */
export const RECORD_TAGS = {
  specificCharacterSet: '00080005',
  patientName: '00100010',
  patientId: '00100020',
  patientBirthDate: '00100030',
  patientSex: '00100040',
  studyDate: '00080020',
  studyTime: '00080030',
  accessionNumber: '00080050',
  studyDescription: '00081030',
  studyId: '00200010',
  modality: '00080060',
  seriesNumber: '00200011',
  seriesDescription: '0008103e',
  instanceNumber: '00200013',
} as const;

/** Reads a file's header; a file that is not DICOM or lacks the identifying UIDs is a value, not a throw. */
export async function readInstance(path: string): Promise<InstanceRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, notDicom: false, reason: `cannot read the file (${code})` };
  }
  const parsed = parseDataset(bytes, { untilPixelData: true });
  if ('ok' in parsed) return { ok: false, notDicom: parsed.kind === 'not-dicom', reason: parsed.reason };
  const ds = parsed.dataSet;
  const uid = (tag: string): string | undefined => stringValue(ds, tag)?.replace(/\0/g, '');
  const sopClassUid = uid('00080016');
  const sopInstanceUid = uid('00080018');
  const studyInstanceUid = uid('0020000d');
  const seriesInstanceUid = uid('0020000e');
  if (!sopClassUid || !sopInstanceUid || !studyInstanceUid || !seriesInstanceUid) {
    return {
      ok: false,
      notDicom: false,
      reason: 'the file lacks a SOP Class, SOP Instance, Study or Series Instance UID: no PACS can store it',
    };
  }
  const tags: Record<string, string | undefined> = {};
  for (const [name, tag] of Object.entries(RECORD_TAGS)) tags[name] = stringValue(ds, tag);
  return {
    ok: true,
    info: {
      path,
      size: bytes.length,
      sopClassUid,
      sopInstanceUid,
      transferSyntaxUid: parsed.transferSyntaxUid,
      studyInstanceUid,
      seriesInstanceUid,
      tags,
    },
  };
}
