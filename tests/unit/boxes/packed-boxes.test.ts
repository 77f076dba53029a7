import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { boxesForImage, createBoxIndex } from '../../../src/shared/boxes/match';
import type { ImageIdentity } from '../../../src/shared/boxes/match';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { packBoxes, readPackedBoxes } from '../../../src/shared/boxes/packed-boxes';

const SERIES = '1.2.9';

const box = (target: BoxRecord['target'], origin: string, extra: Partial<BoxRecord> = {}): BoxRecord => ({
  target,
  frame: 1,
  x1: 0,
  y1: 0,
  x2: 9,
  y2: 9,
  origin,
  ...extra,
});

const records: BoxRecord[] = [
  box({ kind: 'sop', sopInstanceUid: '1.2.3' }, 'b.csv:2', { label: 'kidney lesion', score: 0.93 }),
  box({ kind: 'file', file: '.\\series 1\\IM0001' }, 'b.csv:3', { color: [0, 255, 0], thickness: 2 }),
  box({ kind: 'series-instance', seriesInstanceUid: SERIES, instanceNumber: 4 }, 'b.csv:4', { frame: 3 }),
  box({ kind: 'sop', sopInstanceUid: '9.9.9' }, 'b.csv:5'),
  box({ kind: 'sop', sopInstanceUid: '1.2.3' }, 'b.csv:6', { frame: 2, x1: -0.5, x2: 1e-300 }),
  box({ kind: 'file', file: 'series 1/IM0001' }, 'b.csv:7', { label: 'naïve \ud800 ✓' }),
  box({ kind: 'series-instance', seriesInstanceUid: SERIES, instanceNumber: 4 }, 'b.csv:8'),
  box({ kind: 'file', file: 'series 1/IM0002' }, 'b.csv:9', { id: 'f9', review: 'edited', series: SERIES }),
  box({ kind: 'file', file: 'series 1/IM0003' }, 'b.csv:10', { review: 'rejected', id: 'naïve ✓' }),
  box({ kind: 'sop', sopInstanceUid: '1.2.3' }, 'outline[0]', {
    region: { x: 3, y: 4, width: 3, height: 2, bits: new Uint8Array([0, 1, 1, 1, 1, 0]) },
  }),
  // who found it travels beside the verdict (one byte for both), with or without one
  box({ kind: 'sop', sopInstanceUid: '7.7.7' }, 'b.csv:11', { finder: 'reader' }),
  box({ kind: 'sop', sopInstanceUid: '7.7.7' }, 'b.csv:12', { finder: 'reader', review: 'unreviewed' }),
  box({ kind: 'sop', sopInstanceUid: '7.7.7' }, 'b.csv:13', { review: 'accepted' }),
];

const image: ImageIdentity = {
  sopInstanceUid: '1.2.3',
  seriesInstanceUid: SERIES,
  instanceNumber: 4,
  relativePath: 'series 1/IM0001',
};

describe('packed box rows', () => {
  const packed = packBoxes(records);
  const reader = readPackedBoxes(packed);

  it('decodes every row to the record it was made from, numbers, texts and mask bits exactly', () => {
    expect(reader.count).toBe(records.length);
    records.forEach((record, row) => {
      expect(reader.record(row)).toEqual(record);
      expect(reader.origin(row)).toBe(record.origin);
    });
    expect(Object.is(reader.record(4).x1, -0.5)).toBe(true);
    expect(reader.record(5).label).toBe('naïve \ud800 ✓');
    expect(reader.record(0)).not.toHaveProperty('color');
  });

  it('finds the rows of an image by SOP Instance UID, file and series + instance number, in the index order', () => {
    const found = reader.boxesForImage(image);
    expect(found.map((r) => r.origin)).toEqual([
      'b.csv:2',
      'b.csv:6',
      'outline[0]',
      'b.csv:3',
      'b.csv:7',
      'b.csv:4',
      'b.csv:8',
    ]);
    expect(found).toEqual(boxesForImage(createBoxIndex(records), image));
  });

  it('matches each way alone, and nothing for an image no row names', () => {
    const only = (identity: Partial<ImageIdentity>): string[] =>
      reader
        .boxesForImage({ sopInstanceUid: '', seriesInstanceUid: '', relativePath: '', ...identity })
        .map((r) => r.origin);
    expect(only({ sopInstanceUid: '9.9.9' })).toEqual(['b.csv:5']);
    expect(only({ relativePath: './series 1//IM0002' })).toEqual(['b.csv:9']);
    expect(only({ seriesInstanceUid: SERIES, instanceNumber: 4 })).toEqual(['b.csv:4', 'b.csv:8']);
    expect(only({ seriesInstanceUid: SERIES })).toEqual([]);
    expect(only({ seriesInstanceUid: SERIES, instanceNumber: 5 })).toEqual([]);
    expect(only({ sopInstanceUid: '1.2.3.4', relativePath: 'series 1/IM00012' })).toEqual([]);
  });

  it('finds rows by origin, every row that shares one', () => {
    const twice = readPackedBoxes(packBoxes([...records, box({ kind: 'file', file: 'x' }, 'b.csv:4')]));
    expect(twice.rowsWithOrigin('b.csv:4')).toEqual([2, records.length]);
    expect(twice.rowsWithOrigin('b.csv:9')).toEqual([7]);
    expect(twice.rowsWithOrigin('b.csv:99')).toEqual([]);
  });

  it('keeps keys whose hashes collide apart', () => {
    // Found by search: FNV-1a gives 'IM193998' and 'IM1376824' the same file-key hash, and
    // 'IM1079599' and 'IM1262382' the same origin hash.
    const rows = [
      box({ kind: 'file', file: 'IM193998' }, 'IM1079599'),
      box({ kind: 'file', file: 'IM1376824' }, 'IM1262382'),
    ];
    const packedRows = packBoxes(rows);
    const hashes = new Uint32Array(packedRows.imageKeys, 0, 2);
    expect(hashes[0]).toBe(hashes[1]);
    expect(new Uint32Array(packedRows.originKeys, 0, 2)[0]).toBe(
      new Uint32Array(packedRows.originKeys, 0, 2)[1],
    );
    const lookup = readPackedBoxes(packedRows);
    expect(lookup.boxesForImage({ ...image, sopInstanceUid: '', relativePath: 'IM1376824' })).toEqual([
      rows[1],
    ]);
    expect(lookup.boxesForImage({ ...image, sopInstanceUid: '', relativePath: 'IM193998' })).toEqual([
      rows[0],
    ]);
    expect(lookup.rowsWithOrigin('IM1079599')).toEqual([0]);
    expect(lookup.rowsWithOrigin('IM1262382')).toEqual([1]);
  });

  it('finds each of 20,000 rows of distinct files and origins by one lookup', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      box({ kind: 'file', file: `s/IM${i}` }, `m.csv:${i + 2}`, { frame: (i % 3) + 1 }),
    );
    const lookup = readPackedBoxes(packBoxes(many));
    for (const i of [0, 1, 777, 19_999]) {
      const found = lookup.boxesForImage({ ...image, sopInstanceUid: '', relativePath: `s/IM${i}` });
      expect(found).toEqual([many[i]]);
      expect(lookup.rowsWithOrigin(`m.csv:${i + 2}`)).toEqual([i]);
    }
  });

  it('is read by a worker thread from the same shared memory, without a copy', async () => {
    const shared = packBoxes(records.slice(0, 1));
    // The worker reads the first byte (the low byte of the origin's header: 7 Latin-1 code units, 14, for 'b.csv:2'), then writes it.
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const rows = new Uint8Array(workerData.rows);
      const before = rows[0];
      rows[0] = 42;
      parentPort.postMessage(before);`;
    const worker = new Worker(code, { eval: true, workerData: shared });
    const seen = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen).toBe(14);
    expect(new Uint8Array(shared.rows)[0]).toBe(42);
  });
});
