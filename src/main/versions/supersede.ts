/**
 * After a delivery to a PACS: records which versions of derived series arrived (delivered-versions.ts)
 * and, when asked to supersede, withdraws the earlier versions with one IHE IOCM Rejection Note per
 * study, sent only once every instance of the new version was delivered and confirmed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeliveryOptions, DeliveryReport } from '../delivery/deliver';
import { createDelivery } from '../delivery/deliver';
import type { DeliveryTarget } from '../delivery/target';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntaxes';
import { encodePart10 } from '../dicom/write/part10';
import { buildRejectionNote } from '../twin/rejection-note';
import type { InstanceLineage, InstanceWithStudy } from './instance-lineage';
import { readLineage } from './instance-lineage';
import {
  earlierVersions,
  ledgerFolder,
  readLedger,
  recordDelivered,
  recordRejected,
} from './delivered-versions';

/** How the withdrawal of earlier versions ended (one per delivery to a PACS). */
export type SupersedeOutcome =
  /** a note was delivered: `rejected` instances of earlier versions withdrawn */
  | { status: 'rejected'; notes: string[]; rejected: number; studies: number }
  /** nothing to withdraw: no earlier version of these series was delivered to this destination */
  | { status: 'nothing-earlier' }
  /** no note sent, on purpose: the new version is not complete at the destination */
  | { status: 'withheld'; reason: string }
  | { status: 'failed'; reason: string };

export interface SupersedeRequest {
  target: DeliveryTarget;
  report: DeliveryReport;
  /** the user asked to replace the earlier version (--supersede, the app's choice) */
  supersede: boolean;
  /** why the new version is incomplete before delivery (a file that failed to convert), if it is */
  incomplete?: string;
  configFolder: string;
  delivery?: Pick<DeliveryOptions, 'retry' | 'signal' | 'timeoutMs'>;
}

/** Why the new version may not replace the earlier one yet, or undefined when every instance arrived. */
function notComplete(report: DeliveryReport): string | undefined {
  if (report.status !== 'completed') return 'the delivery was cancelled';
  const missing = report.outcomes.filter((o) => o.status === 'failed' || o.status === 'not-sent').length;
  if (missing > 0) return `${missing} instance(s) of the new version were not delivered`;
  if (report.finishError !== undefined) return report.finishError;
  return undefined;
}

function byStudy<T extends InstanceLineage>(instances: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const i of instances) groups.set(i.studyInstanceUid, [...(groups.get(i.studyInstanceUid) ?? []), i]);
  return groups;
}

/** Sends one note; true when the PACS confirmed it. */
async function sendNote(
  request: SupersedeRequest,
  bytes: Uint8Array,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'dicom-ink-rejection-'));
  try {
    const file = join(folder, 'rejection-note.dcm');
    await writeFile(file, bytes);
    const delivery = createDelivery(request.target, { ...request.delivery, resend: true });
    delivery.add(file, folder);
    const report = await delivery.end();
    const outcome = report.outcomes[0];
    if (outcome?.status === 'delivered') return { ok: true };
    const why = outcome?.status === 'failed' ? outcome.meaning : (notComplete(report) ?? 'not sent');
    return { ok: false, reason: `the Rejection Note was not stored by ${request.target.label}: ${why}` };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Records the delivered outputs of DICOM Ink in the destination's ledger, then (when asked, and only
 * when the new version arrived whole) sends one Rejection Note per study listing every instance of the
 * earlier versions delivered there, and records them as rejected. Undefined for media targets.
 */
export async function recordAndSupersede(request: SupersedeRequest): Promise<SupersedeOutcome | undefined> {
  const { target, report } = request;
  if (target.logKey === undefined) return undefined;
  const folder = ledgerFolder(request.configFolder, target.logKey);
  const fresh: InstanceWithStudy[] = [];
  for (const outcome of report.outcomes) {
    if (outcome.status !== 'delivered') continue;
    const lineage = readLineage(outcome.file);
    if (lineage) fresh.push(lineage);
  }
  await recordDelivered(folder, fresh);
  if (!request.supersede) return undefined;
  const incomplete = request.incomplete ?? notComplete(report);
  if (incomplete !== undefined) {
    return { status: 'withheld', reason: `no Rejection Note sent, the earlier version stays: ${incomplete}` };
  }
  const earlier = earlierVersions(await readLedger(folder), fresh);
  if (earlier.length === 0) return { status: 'nothing-earlier' };
  const freshByStudy = byStudy(fresh);
  const notes: string[] = [];
  for (const [study, rejected] of byStudy(earlier)) {
    const inStudy = freshByStudy.get(study) ?? [];
    const newSeries = [...new Set(inStudy.map((i) => i.seriesInstanceUid))].sort();
    const note = buildRejectionNote({
      studyInstanceUid: study,
      study: inStudy[0]?.study ?? {},
      rejected,
      replacedBy: `series ${newSeries.join(', ')}`,
      created: new Date(),
    });
    const sent = await sendNote(request, encodePart10(note.elements, EXPLICIT_VR_LITTLE_ENDIAN));
    if (!sent.ok) return { status: 'failed', reason: sent.reason };
    await recordRejected(
      folder,
      note.sopInstanceUid,
      rejected.map((i) => i.sopInstanceUid),
    );
    notes.push(note.sopInstanceUid);
  }
  return { status: 'rejected', notes, rejected: earlier.length, studies: notes.length };
}

/** One line for the summary: what happened to the earlier version. */
export function supersedeLine(outcome: SupersedeOutcome, destination: string): string {
  switch (outcome.status) {
    case 'rejected':
      return `Rejection Note sent to ${destination}: ${outcome.rejected} instance(s) of the earlier version withdrawn (IHE IOCM, ${outcome.notes.join(', ')})`;
    case 'nothing-earlier':
      return `No Rejection Note: no earlier version of these series was delivered to ${destination} (per the delivery ledger)`;
    case 'withheld':
      return outcome.reason;
    case 'failed':
      return `The earlier version was not withdrawn: ${outcome.reason}`;
  }
}
