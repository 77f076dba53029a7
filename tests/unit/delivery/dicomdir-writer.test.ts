/**
 * The DICOMDIR writer (issue 10, media): the record tree follows the File ID folders, record types follow
 * the SOP class, missing Type 1 keys get values, and every offset points at the Item tag of the record it
 * names, counted from the first byte of the file.
 */
import { parseDicom } from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import {
  encodeDicomdir,
  MEDIA_STORAGE_DIRECTORY_STORAGE,
} from '../../../src/main/delivery/dicomdir/encode-dicomdir';
import { FileIdAssigner, isFileIdComponent } from '../../../src/main/delivery/dicomdir/file-ids';
import { recordTypeOf } from '../../../src/main/delivery/dicomdir/record-keys';
import { buildRecordTree } from '../../../src/main/delivery/dicomdir/records';
import type { MediaEntry } from '../../../src/main/delivery/dicomdir/records';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import { sequenceElement, textElement } from '../../../src/main/dicom/write/element';
import type { DataElement } from '../../../src/main/dicom/write/element';

const SC = '1.2.840.10008.5.1.4.1.1.7';
const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';
const GSPS = '1.2.840.10008.5.1.4.1.1.11.1';

function instance(
  n: number,
  patient: string,
  study: string,
  series: string,
  extra: Partial<InstanceInfo> = {},
): InstanceInfo {
  return {
    path: `/in/${n}`,
    size: 1000,
    sopClassUid: SC,
    sopInstanceUid: `1.2.3.${n}`,
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    studyInstanceUid: study,
    seriesInstanceUid: series,
    tags: {
      '00100020': patient,
      '00100010': `NAME^${patient}`,
      '00080020': '20240115',
      '00080030': '093000',
      '00200010': '7',
      '00080060': 'CT',
      '00200011': '3',
      '00200013': String(n),
    },
    sequences: {},
    ...extra,
  };
}

function place(infos: InstanceInfo[]): MediaEntry[] {
  const assigner = new FileIdAssigner();
  return infos.map((info) => {
    const assigned = assigner.assign({
      patientKey: info.tags['00100020'] ?? '',
      studyInstanceUid: info.studyInstanceUid,
      seriesInstanceUid: info.seriesInstanceUid,
    });
    if (!assigned.ok) throw new Error(assigned.reason);
    return { info, fileId: assigned.fileId };
  });
}

interface Record {
  offset: number;
  type: string;
  next: number;
  lower: number;
  ds: DataSet;
}

function records(bytes: Uint8Array): { ds: DataSet; list: Record[] } {
  const ds = parseDicom(bytes);
  const items = ds.elements['x00041220']?.items ?? [];
  const list = items.map((item) => {
    const rec = item.dataSet as DataSet;
    return {
      // dicom-parser's item dataOffset is after the 8-byte item header: the record starts 8 bytes earlier
      offset: item.dataOffset - 8,
      type: rec.string('x00041430') ?? '',
      next: rec.uint32('x00041400') ?? -1,
      lower: rec.uint32('x00041420') ?? -1,
      ds: rec,
    };
  });
  return { ds, list };
}

function itemTagAt(bytes: Uint8Array, offset: number): boolean {
  return (
    bytes[offset] === 0xfe &&
    bytes[offset + 1] === 0xff &&
    bytes[offset + 2] === 0x00 &&
    bytes[offset + 3] === 0xe0
  );
}

describe('File IDs', () => {
  it('gives 8-character upper-case components, one folder per patient, study and series', () => {
    const entries = place([
      instance(1, 'P1', 'S1', 'R1'),
      instance(2, 'P1', 'S1', 'R1'),
      instance(3, 'P1', 'S1', 'R2'),
      instance(4, 'P2', 'S2', 'R3'),
      instance(5, 'P1', 'S3', 'R4'),
    ]);
    expect(entries.map((e) => e.fileId.join('/'))).toEqual([
      'DICOM/PA000001/ST000001/SE000001/IM000001',
      'DICOM/PA000001/ST000001/SE000001/IM000002',
      'DICOM/PA000001/ST000001/SE000002/IM000001',
      'DICOM/PA000002/ST000001/SE000001/IM000001',
      'DICOM/PA000001/ST000002/SE000001/IM000001',
    ]);
    for (const { fileId } of entries) {
      expect(fileId.length).toBeLessThanOrEqual(8);
      expect(fileId.every(isFileIdComponent)).toBe(true);
    }
    expect(isFileIdComponent('im000001')).toBe(false);
    expect(isFileIdComponent('IM0000001')).toBe(false);
  });
});

describe('record types', () => {
  it('follow the SOP class', () => {
    expect(recordTypeOf(SC)).toBe('IMAGE');
    expect(recordTypeOf(COMPREHENSIVE_SR)).toBe('SR DOCUMENT');
    expect(recordTypeOf('1.2.840.10008.5.1.4.1.1.88.59')).toBe('KEY OBJECT DOC');
    expect(recordTypeOf(GSPS)).toBe('PRESENTATION');
  });
});

describe('encodeDicomdir', () => {
  const infos = [
    instance(1, 'P1', 'S1', 'R1'),
    instance(2, 'P1', 'S1', 'R1'),
    instance(3, 'P1', 'S1', 'R2'),
    instance(4, 'P2', 'S2', 'R3'),
  ];
  const bytes = encodeDicomdir({
    fileSetId: 'TEST',
    sopInstanceUid: '1.2.3.4',
    roots: buildRecordTree(place(infos)),
  });
  const { ds, list } = records(bytes);
  const at = new Map(list.map((r) => [r.offset, r]));

  it('is a Part 10 file of the Media Storage Directory SOP class in Explicit VR Little Endian', () => {
    expect(ds.string('x00020002')).toBe(MEDIA_STORAGE_DIRECTORY_STORAGE);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.1');
    expect(ds.string('x00041130')).toBe('TEST');
  });

  it('writes patient, study, series and image records depth first', () => {
    expect(list.map((r) => r.type)).toEqual([
      'PATIENT',
      'STUDY',
      'SERIES',
      'IMAGE',
      'IMAGE',
      'SERIES',
      'IMAGE',
      'PATIENT',
      'STUDY',
      'SERIES',
      'IMAGE',
    ]);
  });

  it('points every offset at the Item tag of a record, from the first byte of the file', () => {
    const first = ds.uint32('x00041200') ?? 0;
    const last = ds.uint32('x00041202') ?? 0;
    expect(at.get(first)?.type).toBe('PATIENT');
    expect(at.get(last)?.type).toBe('PATIENT');
    expect(first).not.toBe(last);
    for (const record of list) {
      expect(itemTagAt(bytes, record.offset)).toBe(true);
      if (record.next !== 0) expect(at.get(record.next)?.type).toBe(record.type);
      if (record.lower !== 0) expect(at.has(record.lower)).toBe(true);
    }
    // Walking the offsets from the root finds every record exactly once.
    const seen: string[] = [];
    const walk = (offset: number): void => {
      for (let o = offset; o !== 0;) {
        const record = at.get(o);
        if (!record) throw new Error(`no record at ${o}`);
        seen.push(record.type);
        walk(record.lower);
        o = record.next;
      }
    };
    walk(first);
    expect(seen).toEqual(list.map((r) => r.type));
  });

  it('references each file by File ID, SOP class, SOP instance and transfer syntax', () => {
    const image = list.filter((r) => r.type === 'IMAGE')[2] as Record;
    expect(image.ds.string('x00041500')).toBe('DICOM\\PA000001\\ST000001\\SE000002\\IM000001');
    expect(image.ds.string('x00041510')).toBe(SC);
    expect(image.ds.string('x00041511')).toBe('1.2.3.3');
    expect(image.ds.string('x00041512')).toBe('1.2.840.10008.1.2.1');
    expect(image.ds.string('x00200013')).toBe('3');
    expect(image.lower).toBe(0);
  });
});

describe('buildRecordTree', () => {
  it('fills Type 1 keys a file lacks and keeps Type 2 keys empty', () => {
    const bare = instance(9, 'P1', 'S1', 'R1');
    bare.tags = { '00080023': '20230102' };
    const [patient] = buildRecordTree(place([bare]), new Date(2025, 0, 31));
    const study = patient?.children[0];
    const series = study?.children[0];
    const image = series?.children[0];
    const text = (keys: DataElement[] | undefined, tag: number): string | undefined => {
      const element = keys?.find((k) => k.tag === tag);
      return element && 'text' in element ? element.text : undefined;
    };
    expect(text(patient?.keys, 0x00100020)).toBe('PA000001');
    expect(text(patient?.keys, 0x00100010)).toBe('');
    expect(text(study?.keys, 0x00080020)).toBe('20230102');
    expect(text(study?.keys, 0x00080030)).toBe('000000');
    expect(text(study?.keys, 0x00200010)).toBe('ST000001');
    expect(text(study?.keys, 0x0020000d)).toBe('S1');
    expect(text(series?.keys, 0x00080060)).toBe('OT');
    expect(text(series?.keys, 0x00200011)).toBe('1');
    expect(text(image?.keys, 0x00200013)).toBe('1');
  });

  it('gives SR and presentation states their own records with their keys', () => {
    const code = sequenceElement(0x0040a043, [
      [
        textElement(0x00080100, 'SH', '126000'),
        textElement(0x00080102, 'SH', 'DCM'),
        textElement(0x00080104, 'LO', 'Imaging Measurement Report'),
      ],
    ]);
    const sr = instance(2, 'P1', 'S1', 'R9', {
      sopClassUid: COMPREHENSIVE_SR,
      tags: {
        '00100020': 'P1',
        '00080023': '20240115',
        '00080033': '093105',
        '00200013': '1',
        '0040a491': 'COMPLETE',
        '0040a493': 'UNVERIFIED',
      },
      sequences: { '0040a043': code },
    });
    const pr = instance(3, 'P1', 'S1', 'R8', {
      sopClassUid: GSPS,
      tags: {
        '00100020': 'P1',
        '00200013': '1',
        '00700080': 'BOXES',
        '00700082': '20240115',
        '00700083': '093105',
      },
    });
    const bytes = encodeDicomdir({
      fileSetId: 'X',
      sopInstanceUid: '1.2',
      roots: buildRecordTree(place([instance(1, 'P1', 'S1', 'R1'), sr, pr])),
    });
    const { list } = records(bytes);
    expect(list.map((r) => r.type)).toEqual([
      'PATIENT',
      'STUDY',
      'SERIES',
      'IMAGE',
      'SERIES',
      'SR DOCUMENT',
      'SERIES',
      'PRESENTATION',
    ]);
    const srRecord = list[5] as Record;
    expect(srRecord.ds.string('x0040a491')).toBe('COMPLETE');
    expect(srRecord.ds.elements['x0040a043']?.items?.[0]?.dataSet?.string('x00080104')).toBe(
      'Imaging Measurement Report',
    );
    const prRecord = list[7] as Record;
    expect(prRecord.ds.string('x00700080')).toBe('BOXES');
    expect(prRecord.ds.string('x00700082')).toBe('20240115');
    expect(prRecord.ds.elements['x00700084']?.length).toBe(0);
  });
});
