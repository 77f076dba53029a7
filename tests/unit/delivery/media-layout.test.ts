/**
 * Media layout (issue 21 point 7, issue 20 point 8): File IDs follow patient, study, series and instance
 * whatever order the files arrive in; a study whose files name two patients is filed under each patient;
 * a STUDY record's Study Date/Time come from what the study's files hold, and the summary says so.
 */
import { describe, expect, it } from 'vitest';
import { layoutMedia, studiesSpanningPatients } from '../../../src/main/delivery/dicomdir/media-layout';
import { buildRecordTree } from '../../../src/main/delivery/dicomdir/records';
import type { MediaEntry } from '../../../src/main/delivery/dicomdir/records';
import { filledStudyDateNotes } from '../../../src/main/delivery/dicomdir/study-date';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import type { DataElement } from '../../../src/main/dicom/write/element';

function instance(n: number, patient: string, tags: Record<string, string> = {}): InstanceInfo {
  return {
    path: `/in/${n}`,
    size: 1000,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.7',
    sopInstanceUid: `1.2.3.${n}`,
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    studyInstanceUid: '1.2.9',
    seriesInstanceUid: '1.2.9.1',
    tags: { '00100020': patient, '00200011': '1', '00200013': String(n), ...tags },
    sequences: {},
  };
}

function laidOut(infos: InstanceInfo[]): MediaEntry[] {
  const layout = layoutMedia(infos);
  if (!layout.ok) throw new Error(layout.reason);
  return layout.entries;
}

const ids = (entries: MediaEntry[]): string[] =>
  entries.map((e) => `${e.info.sopInstanceUid} ${e.fileId.join('/')}`);

function keyText(keys: DataElement[] | undefined, tag: number): string | undefined {
  const element = keys?.find((k) => k.tag === tag);
  return element && 'text' in element ? element.text : undefined;
}

describe('layoutMedia', () => {
  it('numbers files by Instance Number whatever order they were copied in', () => {
    const inOrder = [1, 2, 3, 4, 5, 13].map((n) => instance(n, 'P1'));
    const completion = [1, 2, 5, 3, 4, 13].map((n) => instance(n, 'P1'));
    expect(ids(laidOut(completion))).toEqual(ids(laidOut(inOrder)));
    expect(laidOut(completion).map((e) => e.fileId[4])).toEqual([
      'IM000001',
      'IM000002',
      'IM000003',
      'IM000004',
      'IM000005',
      'IM000006',
    ]);
    expect(laidOut(completion).map((e) => e.info.tags['00200013'])).toEqual(['1', '2', '3', '4', '5', '13']);
  });

  it('files a study whose files name two patients under each patient, and says so', () => {
    const infos = [instance(1, 'ALICE'), instance(2, 'BOB'), instance(3, 'ALICE')];
    const entries = laidOut(infos);
    expect(entries.map((e) => e.fileId.slice(1, 3).join('/'))).toEqual([
      'PA000001/ST000001',
      'PA000001/ST000001',
      'PA000002/ST000001',
    ]);
    const tree = buildRecordTree(entries);
    expect(tree.map((p) => keyText(p.keys, 0x00100020))).toEqual(['ALICE', 'BOB']);
    expect(tree.map((p) => p.children.map((s) => s.children[0]?.children.length))).toEqual([[2], [1]]);
    expect(studiesSpanningPatients(infos)).toEqual([
      'study 1.2.9 spans 2 patients (ALICE, BOB): it is filed under each patient, check which is right',
    ]);
  });
});

describe('STUDY record dates', () => {
  it("takes Study Date/Time from any of the study's files before anything else", () => {
    const entries = laidOut([
      instance(1, 'P', { '00080023': '20200101' }),
      instance(2, 'P', { '00080020': '20190505', '00080030': '081500' }),
    ]);
    const [study] = buildRecordTree(entries, new Date(2031, 0, 1))[0]?.children ?? [];
    expect(keyText(study?.keys, 0x00080020)).toBe('20190505');
    expect(keyText(study?.keys, 0x00080030)).toBe('081500');
    expect(filledStudyDateNotes(entries, '20310101')).toEqual([]);
  });

  it('fills them from the earliest series, acquisition or content date the files hold (not today), and says so', () => {
    const entries = laidOut([
      instance(1, 'P', { '00080023': '20310101', '00080033': '120000' }),
      instance(2, 'P', { '00080022': '20180303', '00080032': '101010.5' }),
    ]);
    const [study] = buildRecordTree(entries, new Date(2031, 0, 1))[0]?.children ?? [];
    expect(keyText(study?.keys, 0x00080020)).toBe('20180303');
    expect(keyText(study?.keys, 0x00080030)).toBe('101010.5');
    expect(filledStudyDateNotes(entries, '20310101')).toEqual([
      'study 1.2.9 has no Study Date: its DICOMDIR record (where Study Date/Time are Type 1) holds 20180303 101010.5, its Acquisition Date/Time',
    ]);
  });

  it('uses today only when no file of the study holds any date, and says so', () => {
    const entries = laidOut([instance(1, 'P')]);
    expect(filledStudyDateNotes(entries, '20310101')).toEqual([
      "study 1.2.9: no file of it holds a date, so its DICOMDIR record (where Study Date/Time are Type 1) holds today's date and 000000",
    ]);
  });
});
