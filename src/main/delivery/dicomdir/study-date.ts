import type { MediaEntry } from './records';

/**
 * Where a STUDY record's Study Date and Time come from: Study Date and Time are Type 1 in the STUDY
 * record (PS3.3 Table F.5-2), so a study whose files lack them takes the earliest date and time its files
 * hold in any of the other attributes (the study began no later than its first series, acquisition or
 * content; reports and copies made later carry later dates). Today is used only when no file holds a
 * date, and said.
 */
export const STUDY_DATE_SOURCES = [
  { date: '00080020', time: '00080030', name: 'Study Date/Time' },
  { date: '00080021', time: '00080031', name: 'Series Date/Time' },
  { date: '00080022', time: '00080032', name: 'Acquisition Date/Time' },
  { date: '00080023', time: '00080033', name: 'Content Date/Time' },
  { date: '00080012', time: '00080013', name: 'Instance Creation Date/Time' },
] as const;

/** Midnight, when the attribute that gave the date has no time. */
const NO_TIME = '000000';

export interface StudyDateTime {
  date: string;
  time: string;
  /** the attribute pair it came from, or undefined for today (no file of the study holds a date) */
  source: string | undefined;
}

/** The date and time of each file of `group` in one attribute pair. */
function candidates(
  group: readonly MediaEntry[],
  source: (typeof STUDY_DATE_SOURCES)[number],
): StudyDateTime[] {
  return group.flatMap(({ info }) => {
    const date = info.tags[source.date];
    if (date === undefined) return [];
    return [{ date, time: info.tags[source.time] ?? NO_TIME, source: source.name }];
  });
}

const earliest = (list: readonly StudyDateTime[]): StudyDateTime | undefined =>
  [...list].sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`))[0];

/** A study's date and time from its files: its Study Date/Time, else the earliest other one. */
export function studyDateTime(group: readonly MediaEntry[], today: string): StudyDateTime {
  const [study, ...others] = STUDY_DATE_SOURCES;
  const own = candidates(group, study)[0];
  if (own !== undefined) return own;
  return (
    earliest(others.flatMap((source) => candidates(group, source))) ?? {
      date: today,
      time: NO_TIME,
      source: undefined,
    }
  );
}

/** What the summary says of each STUDY record whose files hold no Study Date (entries in File ID order). */
export function filledStudyDateNotes(entries: readonly MediaEntry[], today: string): string[] {
  const studies = new Map<string, MediaEntry[]>();
  for (const entry of entries) {
    const key = entry.fileId.slice(0, 3).join('/');
    const group = studies.get(key);
    if (group) group.push(entry);
    else studies.set(key, [entry]);
  }
  const notes: string[] = [];
  for (const group of studies.values()) {
    const filled = studyDateTime(group, today);
    if (filled.source === STUDY_DATE_SOURCES[0].name) continue;
    const uid = group[0]?.info.studyInstanceUid ?? '';
    const record = 'its DICOMDIR record (where Study Date/Time are Type 1)';
    notes.push(
      filled.source === undefined
        ? `study ${uid}: no file of it holds a date, so ${record} holds today's date and 000000`
        : `study ${uid} has no Study Date: ${record} holds ${filled.date} ${filled.time}, its ${filled.source}`,
    );
  }
  return notes;
}
