import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { generatePhantomSeries, phantomLesionBoxes, phantomUids } from '../../../src/main/sample/phantom';

describe('generatePhantomSeries', () => {
  it('yields CT slices with the geometry, rescale and window of the options, top slice first', () => {
    const slices = [...generatePhantomSeries({ slices: 4, size: 64 })];
    expect(slices.map((s) => s.relativePath)).toEqual(
      ['IM0001', 'IM0002', 'IM0003', 'IM0004'].map((f) => `abdomen-ct/series-1/${f}`),
    );
    const data = parseDicom(slices[1]?.bytes ?? new Uint8Array(0));
    expect(data.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(data.string('x00100010')).toBe('PHANTOM^ABDOMEN');
    expect(data.string('x0008103e')).toBe('Abdomen CT (phantom)');
    expect([
      data.uint16('x00280010'),
      data.uint16('x00280100'),
      data.uint16('x00280101'),
      data.uint16('x00280102'),
    ]).toEqual([64, 16, 12, 11]);
    expect([
      data.string('x00281052'),
      data.string('x00281053'),
      data.string('x00281050'),
      data.string('x00281051'),
    ]).toEqual(['-1024', '1', '40', '400']);
    expect(data.string('x00280030')).toBe('5.9375\\5.9375');
    expect(data.string('x00200013')).toBe('2');
    expect(data.floatString('x00201041')).toBe(-45);
    expect(data.elements.x7fe00010?.length).toBe(64 * 64 * 2);
    expect(slices[1]?.sopInstanceUid).toBe(data.string('x00080018'));
  });

  it('is deterministic for a seed and gives another study for another seed', () => {
    const a = [...generatePhantomSeries({ slices: 2, size: 32, seed: 7 })];
    const b = [...generatePhantomSeries({ slices: 2, size: 32, seed: 7 })];
    expect(a.map((s) => Buffer.from(s.bytes).toString('hex'))).toEqual(
      b.map((s) => Buffer.from(s.bytes).toString('hex')),
    );
    expect(phantomUids({ slices: 2, size: 32, seed: 8 }).study).not.toBe(
      phantomUids({ slices: 2, size: 32, seed: 7 }).study,
    );
  });

  it('places the lesion boxes on consecutive middle slices, inside the image', () => {
    const boxes = phantomLesionBoxes({ slices: 24, size: 256 });
    expect(boxes.map((b) => b.instanceNumber)).toEqual([11, 12, 13, 14, 15, 16]);
    for (const b of boxes) {
      expect(b.x1).toBeLessThan(b.x2);
      expect(b.y1).toBeLessThan(b.y2);
      expect(b.x2).toBeLessThan(256);
    }
  });
});
