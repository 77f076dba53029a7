import { parseDicom, type DataSet } from 'dicom-parser';
import type { FileBytes } from '../dicom/file-bytes';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntaxes';

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface ExpectedTwin {
  bytes: Uint8Array;
  sopClassUid: string;
  sopInstanceUid: string;
}

/**
 * Reads a written presentation state or report back and compares it with what was meant to be
 * written: the same bytes, and a data set that parses with the SOP Class and Instance UIDs (data set
 * and File Meta) and the transfer syntax it should have.
 */
export function verifyWrittenTwin(file: FileBytes, expected: ExpectedTwin): Verdict {
  if (file.size !== expected.bytes.length)
    return { ok: false, reason: `the file has ${file.size} bytes, expected ${expected.bytes.length}` };
  const stored = file.read(0, file.size, 'the written file');
  if (Buffer.compare(Buffer.from(stored), Buffer.from(expected.bytes)) !== 0)
    return { ok: false, reason: 'its bytes differ from the bytes written' };
  let dataset: DataSet;
  try {
    dataset = parseDicom(Buffer.from(stored));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it does not parse as DICOM (${reason})` };
  }
  const checks: [string, string | undefined, string][] = [
    ['Transfer Syntax UID', dataset.string('x00020010'), EXPLICIT_VR_LITTLE_ENDIAN],
    ['Media Storage SOP Class UID', dataset.string('x00020002'), expected.sopClassUid],
    ['Media Storage SOP Instance UID', dataset.string('x00020003'), expected.sopInstanceUid],
    ['SOP Class UID', dataset.string('x00080016'), expected.sopClassUid],
    ['SOP Instance UID', dataset.string('x00080018'), expected.sopInstanceUid],
  ];
  for (const [name, actual, wanted] of checks) {
    if (actual !== wanted)
      return { ok: false, reason: `${name} is ${actual ?? 'missing'}, expected ${wanted}` };
  }
  return { ok: true };
}
