import type { Affine } from './affine';
import type { Vec3 } from './vec3';

/**
 * DICOM patient coordinates are LPS (+x to the patient's left, +y posterior, +z head; PS3.3 C.7.6.2.1.1);
 * NIfTI and most research tools use RAS+ (+x right, +y anterior, +z head). One is the other with x and y
 * negated, so the same map converts both ways.
 */
export function rasToLps(p: Vec3): Vec3 {
  return [-p[0], -p[1], p[2]];
}

export const lpsToRas = rasToLps;

/** An index -> RAS affine as index -> LPS (rows x and y of the map negated). */
export function rasAffineToLps(a: Affine): Affine {
  const [r0, r1, r2] = a.m;
  return {
    m: [[-r0[0], -r0[1], -r0[2]], [-r1[0], -r1[1], -r1[2]], r2],
    t: rasToLps(a.t),
  };
}

export type PatientSpace = 'LPS' | 'RAS';

/** A point given in `space` as LPS. */
export function toLps(p: Vec3, space: PatientSpace): Vec3 {
  return space === 'LPS' ? p : rasToLps(p);
}
