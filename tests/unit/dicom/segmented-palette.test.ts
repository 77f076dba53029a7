import { describe, expect, it } from 'vitest';
import { expandSegments } from '../../../src/main/dicom/segmented-palette';
import { readDicomBytes } from '../../../src/main/dicom/read-dicom';
import { corpusBytes } from '../../helpers/gdcm-reference';

describe('segmented palette colour LUTs (PS3.3 C.7.9.2)', () => {
  it('expands discrete, linear and indirect segments', () => {
    // discrete [0, 10], linear to 40 in 3 steps, then replay the first (discrete) segment at word 0
    expect(expandSegments([0, 2, 0, 10, 1, 3, 40, 2, 1, 0, 0], 7)).toEqual([0, 10, 20, 30, 40, 0, 10]);
  });

  it('reports data that gives fewer entries than the descriptor', () => {
    expect(expandSegments([0, 2, 5, 6], 4)).toBe('segments give 2 entries but the descriptor declares 4');
  });

  it('reports an unknown opcode', () => {
    expect(expandSegments([7, 1, 0], 1)).toBe('unknown segment opcode 7');
  });

  it('expands the ALOKA ultrasound palettes to the values pydicom 2.3 computes', () => {
    for (const name of ['gdcm-US-ALOKA-16.dcm', 'gdcm-US-ALOKA-16_big.dcm']) {
      const result = readDicomBytes(corpusBytes(name));
      if (!result.ok) throw new Error(result.reason);
      const palette = result.image.header.palette;
      expect(palette?.red.data.length).toBe(65536);
      expect(palette?.red.data.slice(0, 5)).toEqual([0, 28784, 32896, 37008, 41120]);
      expect(palette?.red.data.slice(30000, 30005)).toEqual([20303, 22359, 23387, 24415, 25443]);
      expect(palette?.green.data.slice(60000, 60005)).toEqual([64764, 59624, 55512, 52428, 48316]);
      expect(palette?.blue.data.slice(1000, 1005)).toEqual([63736, 63736, 64764, 64764, 64764]);
    }
  });
});
