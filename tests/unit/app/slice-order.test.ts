import { describe, expect, it } from 'vitest';
import { slicePosition, sortSlices } from '../../../src/main/app/services/slice-order';

const axial = [1, 0, 0, 0, 1, 0];

describe('slice order', () => {
  it('measures position along the normal of ImageOrientationPatient (PS3.3 C.7.6.2.1.1)', () => {
    expect(slicePosition({ imagePositionPatient: [-100, -100, 42.5], imageOrientationPatient: axial })).toBe(
      42.5,
    );
    // Sagittal: rows along y, columns along -z; the normal is -x.
    expect(
      slicePosition({ imagePositionPatient: [12, 0, 0], imageOrientationPatient: [0, 1, 0, 0, 0, -1] }),
    ).toBe(-12);
    expect(slicePosition({ imagePositionPatient: [1, 2], imageOrientationPatient: axial })).toBeUndefined();
    expect(slicePosition({})).toBeUndefined();
  });

  it('orders by position even when InstanceNumber disagrees with the file names, in the InstanceNumber direction', () => {
    const slices = [
      { path: 'c', frame: 0, instanceNumber: 1, position: 30 },
      { path: 'a', frame: 0, instanceNumber: 3, position: 10 },
      { path: 'b', frame: 0, instanceNumber: 2, position: 20 },
    ];
    expect(sortSlices(slices).map((s) => s.path)).toEqual(['c', 'b', 'a']);
  });

  it('uses position, not InstanceNumber, when the two disagree in the middle of the stack', () => {
    const slices = [
      { path: 'p1', frame: 0, instanceNumber: 1, position: 0 },
      { path: 'p3', frame: 0, instanceNumber: 2, position: 10 },
      { path: 'p2', frame: 0, instanceNumber: 3, position: 5 },
      { path: 'p4', frame: 0, instanceNumber: 4, position: 15 },
    ];
    expect(sortSlices(slices).map((s) => s.path)).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('falls back to InstanceNumber when a position is missing or positions repeat', () => {
    const missing = [
      { path: 'x', frame: 0, instanceNumber: 2, position: 5 },
      { path: 'y', frame: 0, instanceNumber: 1 },
    ];
    expect(sortSlices(missing).map((s) => s.path)).toEqual(['y', 'x']);
    const repeated = [
      { path: 'x', frame: 0, instanceNumber: 2, position: 5 },
      { path: 'y', frame: 0, instanceNumber: 1, position: 5 },
    ];
    expect(sortSlices(repeated).map((s) => s.path)).toEqual(['y', 'x']);
  });

  it('keeps the frames of a multi-frame file in frame order', () => {
    const frames = [2, 0, 1].map((frame) => ({ path: 'multi', frame, instanceNumber: 1 }));
    expect(sortSlices(frames).map((s) => s.frame)).toEqual([0, 1, 2]);
  });
});
