import { randomBytes } from 'node:crypto';
import { classifyStoreStatus } from './dimse-status';
import type { InstanceInfo } from './instance-file';
import type { Answer } from './outcome';
import type { BatchEnd, BatchOptions } from './dimse-store';
import { postStreamed } from './streamed-post';
import type { BodyPart, PostAnswer } from './streamed-post';
import { authHeaders, httpMeaning, postFailure, transientHttp } from './web-auth';
import type { WebDestination } from './web-auth';

type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

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
  return typeof value === 'string' ? value : undefined;
}
function firstNumber(dataset: DicomJson, tag: string): number | undefined {
  const value = dataset[tag]?.Value?.[0];
  return typeof value === 'number' ? value : undefined;
}

/**
 * The multipart/related body of a STOW-RS request (PS3.18 10.5.1.1): one application/dicom part per file,
 * as parts that postStreamed streams from disk (no file is read into memory, whatever its size).
 */
export function stowParts(instances: readonly InstanceInfo[]): { parts: BodyPart[]; boundary: string } {
  const boundary = `dicom-ink-${randomBytes(12).toString('hex')}`;
  const parts: BodyPart[] = [];
  for (const instance of instances) {
    parts.push(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
    parts.push({ path: instance.path, size: instance.size });
    parts.push('\r\n');
  }
  parts.push(`--${boundary}--\r\n`);
  return { parts, boundary };
}

/**
 * Reads the Store Instances response (PS3.18 10.5.3): Referenced SOP Sequence items were stored (with a
 * Warning Reason when coerced), Failed SOP Sequence items were not (Failure Reason uses the C-STORE
 * status codes). An instance the response does not mention takes the HTTP status's meaning.
 */
export function answersFromResponse(
  instances: readonly InstanceInfo[],
  status: number,
  dataset: DicomJson | undefined,
): Map<number, Answer> {
  const byUid = new Map<string, Answer>();
  for (const item of dataset ? items(dataset, REFERENCED_SOP_SEQUENCE) : []) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE);
    const warning = firstNumber(item, WARNING_REASON);
    if (uid)
      byUid.set(
        uid,
        warning === undefined
          ? { kind: 'stored', detail: 'success', code: status }
          : classifyStoreStatus(warning),
      );
  }
  for (const item of dataset ? items(dataset, FAILED_SOP_SEQUENCE) : []) {
    const uid = firstString(item, REFERENCED_SOP_INSTANCE);
    const reason = firstNumber(item, FAILURE_REASON) ?? 0x0110;
    if (uid) byUid.set(uid, classifyStoreStatus(reason));
  }
  const answers = new Map<number, Answer>();
  for (const [index, instance] of instances.entries()) {
    const known = byUid.get(instance.sopInstanceUid);
    answers.set(
      index,
      known ??
        (status === 200
          ? { kind: 'stored', detail: 'success', code: status }
          : {
              kind: 'failed',
              transient: false,
              code: status,
              meaning: `HTTP ${status}: the server did not list this instance as stored`,
            }),
    );
  }
  return answers;
}

/** Sends a batch as ONE STOW-RS POST to {root}/studies, each file streamed from disk. */
export async function stowBatch(
  destination: WebDestination,
  instances: readonly InstanceInfo[],
  options: BatchOptions,
): Promise<BatchEnd> {
  const { parts, boundary } = stowParts(instances);
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let response: PostAnswer;
  try {
    response = await postStreamed(
      `${destination.root}/studies`,
      {
        ...authHeaders(destination),
        Accept: 'application/dicom+json',
        'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
      },
      parts,
      AbortSignal.any(signals),
    );
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, failure: { transient: true, meaning: 'cancelled' } };
    return { ok: false, failure: postFailure(error, destination.root) };
  }
  const text = response.text;
  if (transientHttp(response.status))
    return {
      ok: false,
      failure: { transient: true, meaning: httpMeaning(response.status, response.statusText) },
    };
  let dataset: DicomJson | undefined;
  try {
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    dataset =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as DicomJson)
        : undefined;
  } catch {
    dataset = undefined;
  }
  // 200 (all stored), 202 (some failed or coerced) and 409 (none stored) carry the Store Instances
  // response (PS3.18 10.5.3.1); any other status is about the request as a whole.
  if (![200, 202, 409].includes(response.status) || (!dataset && response.status !== 200)) {
    return {
      ok: false,
      failure: { transient: false, meaning: httpMeaning(response.status, response.statusText) },
    };
  }
  for (const [index, answer] of answersFromResponse(instances, response.status, dataset))
    options.onAnswer(index, answer);
  return { ok: true };
}
