import { classifyStoreStatus } from './dimse-status';
import type { InstanceInfo } from './instance-file';
import type { Answer } from './outcome';
import { parseNativeDicomXml } from './native-dicom-xml';
import type { DicomJson } from './native-dicom-xml';

const REFERENCED_SOP_SEQUENCE = '00081199';
const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_INSTANCE = '00081155';
const FAILURE_REASON = '00081197';
const WARNING_REASON = '00081196';

function items(dataset: DicomJson, tag: string): DicomJson[] {
  return (dataset[tag]?.Value ?? []).filter((v): v is DicomJson => typeof v === 'object' && v !== null);
}
function firstString(dataset: DicomJson, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'string' ? value.trim() : undefined;
}
function firstNumber(dataset: DicomJson, tag: string): number | undefined {
  const value = dataset[tag]?.Value?.[0];
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

function isDataset(value: unknown): value is DicomJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The body of a STOW-RS answer as a Store Instances Response data set (PS3.18 10.5.3.2): DICOM JSON
 * (F.2, an object, or an array holding one) or the Native DICOM Model in XML (F.3). Undefined when it is
 * neither, or holds neither a Referenced nor a Failed SOP Sequence: then it says nothing about any instance.
 */
export function parseStoreResponse(text: string, contentType: string): DicomJson | undefined {
  const body = text.trim();
  let dataset: DicomJson | undefined;
  if (body.startsWith('<')) {
    dataset = /xml/i.test(contentType) || body.startsWith('<?xml') ? parseNativeDicomXml(body) : undefined;
  } else {
    try {
      const parsed: unknown = JSON.parse(body);
      const first: unknown = Array.isArray(parsed) && parsed.length === 1 ? parsed[0] : parsed;
      dataset = isDataset(first) ? first : undefined;
    } catch {
      dataset = undefined;
    }
  }
  if (!dataset) return undefined;
  return dataset[REFERENCED_SOP_SEQUENCE] || dataset[FAILED_SOP_SEQUENCE] ? dataset : undefined;
}

/** What a body that is not a Store Instances Response was, in a few words. */
export function describeBody(text: string, contentType: string): string {
  const bytes = Buffer.byteLength(text);
  if (bytes === 0) return 'an empty body';
  return `${bytes} bytes of ${contentType || 'unnamed content'} that is not a DICOM JSON or XML Store Instances response`;
}

/**
 * Each instance's answer from a parsed Store Instances response (PS3.18 10.5.3): only an instance whose
 * SOP Instance UID is in the Referenced SOP Sequence (0008,1199) was stored (with a Warning Reason
 * (0008,1196) it was stored with a warning, PS3.18 Table 10.5.3-2); one in the Failed SOP Sequence
 * (0008,1198) was not, for its Failure Reason (0008,1197), a C-STORE status. An instance the response
 * does not name was not stored, whatever the HTTP status.
 */
export function answersFromResponse(
  instances: readonly InstanceInfo[],
  httpStatus: number,
  dataset: DicomJson,
): Map<number, Answer> {
  const byUid = new Map<string, Answer>();
  for (const item of items(dataset, REFERENCED_SOP_SEQUENCE)) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE);
    const warning = firstNumber(item, WARNING_REASON);
    if (uid)
      byUid.set(
        uid,
        warning === undefined || warning === 0
          ? { kind: 'stored', detail: 'success', httpStatus }
          : { ...storedWithWarning(warning), httpStatus },
      );
  }
  for (const item of items(dataset, FAILED_SOP_SEQUENCE)) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE);
    const reason = firstNumber(item, FAILURE_REASON) ?? 0x0110;
    if (uid) byUid.set(uid, { ...failedFor(reason), httpStatus });
  }
  const answers = new Map<number, Answer>();
  for (const [index, instance] of instances.entries()) {
    answers.set(
      index,
      byUid.get(instance.sopInstanceUid) ?? {
        kind: 'failed',
        transient: false,
        httpStatus,
        meaning: `HTTP ${httpStatus}: the server's Store Instances response does not list this instance (${instance.sopInstanceUid}) as stored`,
      },
    );
  }
  return answers;
}

/** A Warning Reason is a warning status (B000, B006, B007, PS3.18 Table 10.5.3-2): stored. */
function storedWithWarning(warning: number): Answer {
  const answer = classifyStoreStatus(warning);
  return answer.kind === 'stored'
    ? answer
    : {
        kind: 'stored',
        detail: 'warning',
        code: warning,
        meaning: `stored with warning reason ${answer.meaning}`,
      };
}

/** A Failure Reason is a failure status; one that claims success is still listed as failed. */
function failedFor(reason: number): Answer {
  const answer = classifyStoreStatus(reason);
  return answer.kind === 'failed'
    ? answer
    : { kind: 'failed', transient: false, code: reason, meaning: 'listed as failed by the server' };
}
