import { randomBytes } from 'node:crypto';
import { redactUrl } from './destination';
import type { InstanceInfo } from './instance-file';
import type { BatchEnd, BatchOptions } from './dimse-store';
import { postStreamed } from './streamed-post';
import type { BodyPart, PostAnswer } from './streamed-post';
import { answersFromResponse, describeBody, parseStoreResponse } from './store-response';
import { authHeaders, httpMeaning, postFailure, transientHttp } from './web-auth';
import type { WebDestination } from './web-auth';

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

/** The whole batch failed for one reason: every instance gets it. */
function batchFailed(failure: { transient: boolean; meaning: string }, httpStatus?: number): BatchEnd {
  return { ok: false, failure: { ...failure, ...(httpStatus !== undefined ? { httpStatus } : {}) } };
}

/**
 * Each instance's answer from a STOW-RS answer (PS3.18 10.5.3): 200 (all stored), 202 (some failed or
 * stored with a warning) and 409 (none stored) carry a Store Instances response, and only that response
 * says an instance was stored. A 200 whose body is not one (a proxy's welcome page, an empty body,
 * garbage) proves nothing: every instance fails, permanently, and nothing enters the delivery log.
 */
export function answerStow(
  instances: readonly InstanceInfo[],
  response: PostAnswer,
  onAnswer: BatchOptions['onAnswer'],
): BatchEnd {
  const { status } = response;
  const meaning = httpMeaning(status, response.statusText);
  if (transientHttp(status)) return batchFailed({ transient: true, meaning }, status);
  if (status >= 300 && status < 400)
    return batchFailed(
      {
        transient: false,
        meaning: `${meaning}: the server redirects${response.location ? ` to ${redactUrl(response.location)}` : ''}; a redirect is not followed with the files, give the final URL as the DICOMweb root`,
      },
      status,
    );
  if (![200, 202, 409].includes(status)) return batchFailed({ transient: false, meaning }, status);
  const dataset = parseStoreResponse(response.text, response.contentType);
  if (!dataset)
    return batchFailed(
      {
        transient: false,
        meaning: `${meaning}, but the answer is ${describeBody(response.text, response.contentType)} (PS3.18 10.5.3): not counted as delivered`,
      },
      status,
    );
  for (const [index, answer] of answersFromResponse(instances, status, dataset)) onAnswer(index, answer);
  return { ok: true };
}

/** Sends a batch as ONE STOW-RS POST to {root}/studies, each file streamed from disk. */
export async function stowBatch(
  destination: WebDestination,
  instances: readonly InstanceInfo[],
  options: BatchOptions,
): Promise<BatchEnd> {
  const { parts, boundary } = stowParts(instances);
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
      { idleMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } catch (error) {
    if (options.signal?.aborted) return { ok: false, failure: { transient: true, meaning: 'cancelled' } };
    return { ok: false, failure: postFailure(error, destination.root) };
  }
  return answerStow(instances, response, options.onAnswer);
}
