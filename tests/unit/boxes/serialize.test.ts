import { describe, expect, it } from 'vitest';
import { parseBoxFile } from '../../../src/shared/boxes/parse';
import {
  boxRecordToSerializable,
  boxesToCsv,
  boxesToJson,
  csvField,
  hexColor,
  type SerializableBox,
} from '../../../src/shared/boxes/serialize';

const boxes: SerializableBox[] = [
  {
    sopInstanceUid: '1.2.826.0.1.3680043.2.1125.1.1',
    seriesInstanceUid: '1.2.826.0.1.3680043.2.1125.1',
    instanceNumber: 7,
    frame: 1,
    x1: 10,
    y1: 20,
    x2: 110,
    y2: 220,
    label: 'lesion, "suspicious"\nsecond line',
    score: 0.875,
    color: [255, 128, 0],
  },
  { sopInstanceUid: '1.2.3.4', frame: 3, x1: 0, y1: 0, x2: 0, y2: 0 },
  { file: 'ct/series 1/IM0001', frame: 1, x1: 5, y1: 6, x2: 7, y2: 8, color: [0, 0, 16] },
  { seriesInstanceUid: '1.2.3', instanceNumber: 42, frame: 2, x1: 1, y1: 2, x2: 3, y2: 4, label: 'kidney' },
];

describe('boxesToCsv', () => {
  it('writes the header and RFC 4180 quoting exactly', () => {
    const csv = boxesToCsv([boxes[0] as SerializableBox, boxes[1] as SerializableBox]);
    expect(csv).toBe(
      'sop_instance_uid,series_instance_uid,instance_number,frame,x1,y1,x2,y2,label,score,color\n' +
        '1.2.826.0.1.3680043.2.1125.1.1,1.2.826.0.1.3680043.2.1125.1,7,1,10,20,110,220,' +
        '"lesion, ""suspicious""\nsecond line",0.875,ff8000\n' +
        '1.2.3.4,,,3,0,0,0,0,,,\n',
    );
  });

  it('adds the file column only when a box names a file', () => {
    expect(boxesToCsv(boxes).split('\n')[0]).toBe(
      'sop_instance_uid,series_instance_uid,instance_number,file,frame,x1,y1,x2,y2,label,score,color',
    );
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(hexColor([0, 15, 255])).toBe('000fff');
  });
});

describe('round trip through parseBoxFile', () => {
  const expected = [
    {
      target: { kind: 'sop', sopInstanceUid: '1.2.826.0.1.3680043.2.1125.1.1' },
      // the series a row names beside its SOP Instance UID is kept (--require-review names it)
      series: '1.2.826.0.1.3680043.2.1125.1',
      frame: 1,
      x1: 10,
      y1: 20,
      x2: 110,
      y2: 220,
      label: 'lesion, "suspicious"\nsecond line',
      score: 0.875,
      color: [255, 128, 0],
    },
    { target: { kind: 'sop', sopInstanceUid: '1.2.3.4' }, frame: 3, x1: 0, y1: 0, x2: 0, y2: 0 },
    {
      target: { kind: 'file', file: 'ct/series 1/IM0001' },
      frame: 1,
      x1: 5,
      y1: 6,
      x2: 7,
      y2: 8,
      color: [0, 0, 16],
    },
    {
      target: { kind: 'series-instance', seriesInstanceUid: '1.2.3', instanceNumber: 42 },
      frame: 2,
      x1: 1,
      y1: 2,
      x2: 3,
      y2: 4,
      label: 'kidney',
    },
  ];

  it('CSV: every box parses back to the same target, frame, corners, label, score and colour', () => {
    const parsed = parseBoxFile(boxesToCsv(boxes), 'boxes.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.boxes.map(({ origin: _o, ...rest }) => rest)).toEqual(expected);
    expect(parsed.boxes.map((b) => b.origin)).toEqual([
      'boxes.csv:2',
      'boxes.csv:4',
      'boxes.csv:5',
      'boxes.csv:6',
    ]);
  });

  it('JSON: every box parses back the same', () => {
    const json = boxesToJson(boxes);
    const parsed = parseBoxFile(json, 'boxes.json');
    expect(parsed.errors).toEqual([]);
    expect(parsed.boxes.map(({ origin: _o, ...rest }) => rest)).toEqual(expected);
    expect(JSON.parse(json)[1]).toEqual({
      sop_instance_uid: '1.2.3.4',
      frame: 3,
      x1: 0,
      y1: 0,
      x2: 0,
      y2: 0,
    });
  });

  it('parsed records written again give the same CSV text (rows naming their image one way)', () => {
    // A BoxRecord keeps one target (SOP UID first), so rows naming the image several ways are left out here.
    const first = boxesToCsv(boxes.slice(1));
    const again = boxesToCsv(parseBoxFile(first, 'b.csv').boxes.map(boxRecordToSerializable));
    expect(again).toBe(first);
  });

  it('writes id and review columns only when a box has them, and they parse back', () => {
    const reviewed: SerializableBox[] = [
      { sopInstanceUid: '1.2', frame: 1, x1: 0, y1: 0, x2: 9, y2: 9, id: 'f1', review: 'rejected' },
      { sopInstanceUid: '1.3', frame: 1, x1: 0, y1: 0, x2: 9, y2: 9 },
    ];
    const csv = boxesToCsv(reviewed);
    expect(csv.split('\n')[0]?.endsWith(',color,id,review')).toBe(true);
    expect(csv.split('\n')[2]?.endsWith(',,')).toBe(true);
    const parsed = parseBoxFile(csv, 'b.csv').boxes;
    expect(parsed.map((b) => [b.id, b.review])).toEqual([
      ['f1', 'rejected'],
      [undefined, undefined],
    ]);
    expect(boxesToCsv(boxes).split('\n')[0]).not.toContain('review');
    const json = JSON.parse(boxesToJson(reviewed)) as Record<string, unknown>[];
    expect([json[0]?.id, json[0]?.review, 'review' in (json[1] ?? {})]).toEqual(['f1', 'rejected', false]);
  });

  it('reads review states case-insensitively, empty and "unreviewed" as unreviewed, and refuses others', () => {
    const csv =
      'sop_instance_uid,x1,y1,x2,y2,review\n1.2,0,0,1,1,Accepted\n1.2,0,0,1,1,\n1.2,0,0,1,1,unreviewed\n1.2,0,0,1,1,maybe\n';
    const parsed = parseBoxFile(csv, 'b.csv');
    expect(parsed.boxes.map((b) => b.review)).toEqual(['accepted', undefined, undefined]);
    expect(parsed.errors).toEqual([
      {
        origin: 'b.csv:5',
        reason:
          'column review: "maybe" is not a review state; write one of accepted, rejected, edited, unreviewed, or leave it empty (unreviewed)',
      },
    ]);
  });

  it('writes a per-box outline thickness that parses back', () => {
    const csv = boxesToCsv([{ sopInstanceUid: '1.2', frame: 1, x1: 0, y1: 0, x2: 9, y2: 9, thickness: 6 }]);
    expect(csv.split('\n')[0]?.endsWith(',color,thickness')).toBe(true);
    expect(parseBoxFile(csv, 'b.csv').boxes[0]?.thickness).toBe(6);
  });
});
