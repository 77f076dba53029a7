/** A point or direction in patient space (mm), or a continuous voxel index. */
export type Vec3 = readonly [number, number, number];

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function unit(a: Vec3): Vec3 {
  const n = norm(a);
  return n === 0 ? a : scale(a, 1 / n);
}

/** Angle between two directions in degrees, ignoring their sense (0 for parallel or anti-parallel). */
export function axisAngleDegrees(a: Vec3, b: Vec3): number {
  const c = Math.abs(dot(unit(a), unit(b)));
  return (Math.acos(Math.min(1, c)) * 180) / Math.PI;
}

export function toVec3(values: readonly number[] | undefined): Vec3 | undefined {
  if (!values || values.length !== 3 || !values.every(Number.isFinite)) return undefined;
  return [values[0] as number, values[1] as number, values[2] as number];
}

export type Axis = 0 | 1 | 2;
export const AXES: readonly Axis[] = [0, 1, 2];

export function vec3(f: (axis: Axis) => number): Vec3 {
  return [f(0), f(1), f(2)];
}
