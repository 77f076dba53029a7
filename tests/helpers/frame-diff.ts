import type { RawFrame } from '../../src/shared/dicom/image-header';

/** How two decoded frames differ: sample count, how many samples differ and by how much at most. */
export interface FrameDiff {
  lengths: [number, number];
  differing: number;
  maxDifference: number;
}

export function diffFrames(a: RawFrame, b: RawFrame): FrameDiff {
  let differing = 0;
  let maxDifference = 0;
  const n = Math.min(a.data.length, b.data.length);
  for (let i = 0; i < n; i++) {
    const d = Math.abs((a.data[i] as number) - (b.data[i] as number));
    if (d > 0) {
      differing++;
      if (d > maxDifference) maxDifference = d;
    }
  }
  return { lengths: [a.data.length, b.data.length], differing, maxDifference };
}
