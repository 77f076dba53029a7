import type { MaskRegion } from './model';

/**
 * A mask region in a form JSON carries (sessions, IPC, the box document): the same window as MaskRegion,
 * its bits as run lengths in row-major order, alternating outside/inside and starting with outside (so a
 * region whose first pixel is inside starts with a 0-length run). A 100x100 lesion packs into a few
 * hundred numbers instead of 10,000.
 */
export interface PackedRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  runs: number[];
}

export function packRegion(region: MaskRegion): PackedRegion {
  const runs: number[] = [];
  let current = 0;
  let length = 0;
  for (const bit of region.bits) {
    const value = bit === 0 ? 0 : 1;
    if (value === current) {
      length++;
      continue;
    }
    runs.push(length);
    current = value;
    length = 1;
  }
  runs.push(length);
  return { x: region.x, y: region.y, width: region.width, height: region.height, runs };
}

/** Why packed runs do not describe their window, or undefined when they do. */
export function packedRegionProblem(packed: PackedRegion): string | undefined {
  const total = packed.runs.reduce((sum, run) => sum + run, 0);
  const size = packed.width * packed.height;
  return total === size ? undefined : `the region's runs cover ${total} pixels, its window ${size}`;
}

export function unpackRegion(packed: PackedRegion): MaskRegion {
  const bits = new Uint8Array(packed.width * packed.height);
  let at = 0;
  packed.runs.forEach((run, i) => {
    if (i % 2 === 1) bits.fill(1, at, Math.min(bits.length, at + run));
    at += run;
  });
  return { x: packed.x, y: packed.y, width: packed.width, height: packed.height, bits };
}

const unpacked = new WeakMap<PackedRegion, MaskRegion>();

/** unpackRegion, remembered per packed object (the viewer redraws the same regions on every W/L change). */
export function unpackRegionCached(packed: PackedRegion): MaskRegion {
  let region = unpacked.get(packed);
  if (region === undefined) {
    region = unpackRegion(packed);
    unpacked.set(packed, region);
  }
  return region;
}

/** Number of pixels inside the region. */
export function packedArea(packed: PackedRegion): number {
  return packed.runs.reduce((sum, run, i) => (i % 2 === 1 ? sum + run : sum), 0);
}
