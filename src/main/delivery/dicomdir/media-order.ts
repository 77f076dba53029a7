import type { InstanceInfo } from '../instance-file';

/** The key a DICOMDIR files an instance's PATIENT record under: its Patient ID, else its name. */
export function patientKeyOf(info: InstanceInfo): string {
  return info.tags['00100020'] ?? `(no Patient ID) ${info.tags['00100010'] ?? ''}`;
}

/** An IS value as a number for sorting; a missing or unreadable one sorts last. */
function integer(text: string | undefined): number {
  const value = text === undefined ? NaN : parseInt(text, 10);
  return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

const text = (a: string | undefined, b: string | undefined): number => (a ?? '').localeCompare(b ?? '');

/**
 * The order instances take in a file-set, whatever order they arrived in (a conversion hands them over
 * as they finish, `pack` as the folder lists them): by patient, study (date, then UID), series (number,
 * then UID), instance (number, then SOP Instance UID). File IDs are numbered in this order, so
 * `convert --dicomdir` and `pack --dicomdir` of the same files give the same media.
 */
export function compareForMedia(a: InstanceInfo, b: InstanceInfo): number {
  return (
    text(patientKeyOf(a), patientKeyOf(b)) ||
    text(a.tags['00080020'], b.tags['00080020']) ||
    text(a.studyInstanceUid, b.studyInstanceUid) ||
    integer(a.tags['00200011']) - integer(b.tags['00200011']) ||
    text(a.seriesInstanceUid, b.seriesInstanceUid) ||
    integer(a.tags['00200013']) - integer(b.tags['00200013']) ||
    text(a.sopInstanceUid, b.sopInstanceUid)
  );
}
