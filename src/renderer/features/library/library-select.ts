/** Pure helpers over the library snapshot. */
import type { LibrarySnapshot, PatientEntry, SeriesEntry } from '../../../shared/ipc/library';

export interface SeriesLocation {
  patient: PatientEntry;
  series: SeriesEntry;
}

export function allSeries(snapshot: LibrarySnapshot): SeriesLocation[] {
  return snapshot.patients.flatMap((patient) =>
    patient.studies.flatMap((study) => study.series.map((series) => ({ patient, series }))),
  );
}

/** The series with this UID, else the first one (so the first series appears while the scan goes on). */
export function selectSeries(snapshot: LibrarySnapshot, uid: string | undefined): SeriesLocation | undefined {
  const every = allSeries(snapshot);
  return every.find((entry) => entry.series.seriesInstanceUid === uid) ?? every[0];
}

/** The first series (in library order) found in the opened folder with this library id. */
export function firstSeriesOf(snapshot: LibrarySnapshot, libraryId: string): string | undefined {
  const folder = snapshot.scans.find((scan) => scan.libraryId === libraryId)?.folder;
  if (folder === undefined) return undefined;
  return allSeries(snapshot).find((entry) => entry.series.folder === folder)?.series.seriesInstanceUid;
}

/** "12 Mar 2024" from a DICOM DA value (YYYYMMDD, PS3.5 6.2); other text is returned as is. */
export function formatDicomDate(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day] = match;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)} ${months[Number(month) - 1] ?? month} ${year}`;
}

/** The last path segment, for compact lists; the full path stays in the title. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}
