import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/shared/geometry/affine';
import { imagePlane, planeAffine } from '../../../src/shared/geometry/image-plane';
import {
  directionLetters,
  edgeLetters,
  positionAlongNormal,
} from '../../../src/shared/geometry/patient-direction';
import { sub, type Vec3 } from '../../../src/shared/geometry/vec3';

/** Image Orientation of an axial slice turned by `degrees` about the patient's z (head) axis. */
function turnedAxial(degrees: number): number[] {
  const a = (degrees * Math.PI) / 180;
  return [Math.cos(a), Math.sin(a), 0, -Math.sin(a), Math.cos(a), 0];
}

/**
 * The independent computation: the patient point (LPS mm) at each edge's middle pixel minus the image
 * centre, mapped through the plane's pixel-to-patient affine; its largest component, by sign, names the
 * direction (PS3.3 C.7.6.1.1.1: +x Left, +y Posterior, +z Head).
 */
function dominantAtEdges(orientation: number[]): Record<'left' | 'right' | 'top' | 'bottom', string> {
  const plane = imagePlane({
    imagePositionPatient: [-100, 20, 7],
    imageOrientationPatient: orientation,
    pixelSpacing: [0.8, 0.6],
    rows: 101,
    columns: 81,
  });
  if (!plane.ok) throw new Error(plane.reason);
  const toPatient = (column: number, row: number): Vec3 => apply(planeAffine(plane.plane), [column, row, 0]);
  const centre = toPatient(40, 50);
  const name = (p: Vec3): string => {
    const d = sub(p, centre);
    const axis = [0, 1, 2].reduce((best, i) => (Math.abs(d[i] ?? 0) > Math.abs(d[best] ?? 0) ? i : best), 0);
    return [
      ['L', 'R'],
      ['P', 'A'],
      ['H', 'F'],
    ][axis]?.[(d[axis] ?? 0) > 0 ? 0 : 1] as string;
  };
  return {
    left: name(toPatient(0, 50)),
    right: name(toPatient(80, 50)),
    top: name(toPatient(40, 0)),
    bottom: name(toPatient(40, 100)),
  };
}

describe('edgeLetters', () => {
  it('reads R / L / A / P on an axial slice, H / F on coronal and sagittal ones', () => {
    expect(edgeLetters([1, 0, 0, 0, 1, 0])).toEqual({ left: 'R', right: 'L', top: 'A', bottom: 'P' });
    expect(edgeLetters([1, 0, 0, 0, 0, -1])).toEqual({ left: 'R', right: 'L', top: 'H', bottom: 'F' });
    expect(edgeLetters([0, 1, 0, 0, 0, -1])).toEqual({ left: 'A', right: 'P', top: 'H', bottom: 'F' });
  });

  it('combines letters on an oblique plane, the larger component first ("RA" on an axial turned 30 degrees)', () => {
    expect(edgeLetters(turnedAxial(30))).toEqual({ left: 'RA', right: 'LP', top: 'AL', bottom: 'PR' });
    // 10 degrees is within the share that names a direction alone: plain letters.
    expect(edgeLetters(turnedAxial(10))).toEqual({ left: 'R', right: 'L', top: 'A', bottom: 'P' });
  });

  it('agrees with the patient positions of the edge pixels on many orientations', () => {
    // (not through exact 45-degree ties, where either letter may come first)
    for (let degrees = -176; degrees < 180; degrees += 7) {
      for (const tilt of [0, 20, 50]) {
        const t = (tilt * Math.PI) / 180;
        const axial = turnedAxial(degrees);
        // tilt the column direction towards the head: still perpendicular to the row direction
        const orientation = [
          ...axial.slice(0, 3),
          (axial[3] ?? 0) * Math.cos(t),
          (axial[4] ?? 0) * Math.cos(t),
          -Math.sin(t),
        ];
        const letters = edgeLetters(orientation);
        const dominant = dominantAtEdges(orientation);
        for (const edge of ['left', 'right', 'top', 'bottom'] as const)
          expect(letters?.[edge][0], `${degrees} deg, tilt ${tilt}, ${edge}`).toBe(dominant[edge]);
      }
    }
  });

  it('has no letters without a usable orientation', () => {
    expect(edgeLetters(undefined)).toBeUndefined();
    expect(edgeLetters([1, 0, 0])).toBeUndefined();
    expect(edgeLetters([0, 0, 0, 0, 0, 0])).toBeUndefined();
    expect(directionLetters([0, 0, 0])).toBe('');
  });
});

describe('positionAlongNormal', () => {
  it('is the position projected on the row x column normal, in mm', () => {
    expect(positionAlongNormal([1, 0, 0, 0, 1, 0], [-100, -120, -37.5])).toBeCloseTo(-37.5);
    // coronal: normal = (1,0,0) x (0,0,-1) = (0,1,0)
    expect(positionAlongNormal([1, 0, 0, 0, 0, -1], [5, 42, 9])).toBeCloseTo(42);
    expect(positionAlongNormal(undefined, [1, 2, 3])).toBeUndefined();
  });
});
