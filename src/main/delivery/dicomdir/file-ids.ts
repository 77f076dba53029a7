/**
 * File IDs of a General Purpose media file-set (PS3.10 8.2, PS3.11 Annex D profiles): components of 1 to
 * 8 characters from A-Z, 0-9 and "_", at most 8 components. Instances go to
 * DICOM/PAnnnnnn/STnnnnnn/SEnnnnnn/IMnnnnnn: one folder per patient, study and series, numbered in the
 * order they are first seen, and one file per instance. A study is keyed by its patient and its UID, a
 * series by its study and its UID: a study whose files name two patients gets a folder under each.
 */
export const MEDIA_ROOT = 'DICOM';
const PER_LEVEL_LIMIT = 999_999;

export interface InstanceKeys {
  patientKey: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
}

function component(prefix: string, index: number): string {
  return `${prefix}${String(index).padStart(6, '0')}`;
}

/** A valid File ID component (PS3.10 8.2): 1-8 of A-Z, 0-9, "_". */
export function isFileIdComponent(text: string): boolean {
  return /^[A-Z0-9_]{1,8}$/.test(text);
}

/** Hands out file IDs; the same patient, study and series always get the same folder. */
export class FileIdAssigner {
  private readonly patients = new Map<string, number>();
  private readonly studies = new Map<string, { patient: number; index: number }>();
  private readonly series = new Map<string, { index: number; instances: number }>();
  private readonly studiesOf = new Map<number, number>();
  private readonly seriesOf = new Map<string, number>();

  /** The next instance's File ID components, or a reason when a level is full. */
  assign(keys: InstanceKeys): { ok: true; fileId: string[] } | { ok: false; reason: string } {
    let patient = this.patients.get(keys.patientKey);
    if (patient === undefined) {
      patient = this.patients.size + 1;
      this.patients.set(keys.patientKey, patient);
    }
    const studyKey = `${patient}\\${keys.studyInstanceUid}`;
    let study = this.studies.get(studyKey);
    if (study === undefined) {
      const index = (this.studiesOf.get(patient) ?? 0) + 1;
      this.studiesOf.set(patient, index);
      study = { patient, index };
      this.studies.set(studyKey, study);
    }
    const seriesKey = `${studyKey}\\${keys.seriesInstanceUid}`;
    let series = this.series.get(seriesKey);
    if (series === undefined) {
      const index = (this.seriesOf.get(studyKey) ?? 0) + 1;
      this.seriesOf.set(studyKey, index);
      series = { index, instances: 0 };
      this.series.set(seriesKey, series);
    }
    series.instances++;
    const counts = [study.patient, study.index, series.index, series.instances];
    if (counts.some((n) => n > PER_LEVEL_LIMIT))
      return { ok: false, reason: `a DICOMDIR folder holds at most ${PER_LEVEL_LIMIT} entries per level` };
    return {
      ok: true,
      fileId: [
        MEDIA_ROOT,
        component('PA', study.patient),
        component('ST', study.index),
        component('SE', series.index),
        component('IM', series.instances),
      ],
    };
  }
}
