import type { InstanceInfo } from '../instance-file';
import { FileIdAssigner } from './file-ids';
import { compareForMedia, patientKeyOf } from './media-order';
import type { MediaEntry } from './records';

export type MediaLayout = { ok: true; entries: MediaEntry[] } | { ok: false; reason: string };

/**
 * File IDs for every instance of a file-set, in media order (see compareForMedia), whatever order the
 * instances were copied in. Pure: the same instances give the same File IDs.
 */
export function layoutMedia(instances: readonly InstanceInfo[]): MediaLayout {
  const assigner = new FileIdAssigner();
  const entries: MediaEntry[] = [];
  for (const info of [...instances].sort(compareForMedia)) {
    const assigned = assigner.assign({
      patientKey: patientKeyOf(info),
      studyInstanceUid: info.studyInstanceUid,
      seriesInstanceUid: info.seriesInstanceUid,
    });
    if (!assigned.ok) return assigned;
    entries.push({ info, fileId: assigned.fileId });
  }
  return { ok: true, entries };
}

/**
 * Studies whose files name more than one patient (same Study Instance UID, different Patient IDs):
 * each patient gets its own STUDY record, and the summary says so, since one of them is likely wrong.
 */
export function studiesSpanningPatients(instances: readonly InstanceInfo[]): string[] {
  const patients = new Map<string, Set<string>>();
  for (const info of instances) {
    let set = patients.get(info.studyInstanceUid);
    if (!set) patients.set(info.studyInstanceUid, (set = new Set()));
    set.add(patientKeyOf(info));
  }
  return [...patients.entries()]
    .filter(([, set]) => set.size > 1)
    .map(
      ([uid, set]) =>
        `study ${uid} spans ${set.size} patients (${[...set].sort().join(', ')}): ` +
        'it is filed under each patient, check which is right',
    );
}
