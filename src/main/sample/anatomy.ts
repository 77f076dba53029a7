/**
 * The phantom's anatomy: ellipses in patient millimetres (LPS: +x to the patient's left, +y
 * posterior), painted in order (later shapes cover earlier ones). `u` is the depth below the top of
 * the scanned range (mm, 0 = most superior slice); the phantom spans SCAN_LENGTH_MM whatever the
 * slice count, so a 24-slice and a 200-slice series show the same anatomy.
 */

export const SCAN_LENGTH_MM = 120;
export const FIELD_OF_VIEW_MM = 380;

export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  hu: number;
}

/** An ellipsoid's section at depth u, or undefined when the plane misses it. */
function section(
  cx: number,
  cy: number,
  cu: number,
  rx: number,
  ry: number,
  ru: number,
  u: number,
  hu: number,
): Ellipse | undefined {
  const t = (u - cu) / ru;
  if (Math.abs(t) >= 1) return undefined;
  const f = Math.sqrt(1 - t * t);
  return { cx, cy, rx: rx * f, ry: ry * f, hu };
}

/** Kidney lesion (~65 HU, a solid mass denser than cortex) in the left kidney: a sphere. */
export const LESION = { cx: 84, cy: 38, cu: 66, r: 14, hu: 65 } as const;

export function lesionSection(u: number): Ellipse | undefined {
  return section(LESION.cx, LESION.cy, LESION.cu, LESION.r, LESION.r, LESION.r, u, LESION.hu);
}

function cylinder(cx: number, cy: number, rx: number, ry: number, hu: number): Ellipse {
  return { cx, cy, rx, ry, hu };
}

/** Shapes cut by the axial plane at depth u, in painting order. Air (-1000 HU) is the background. */
export function anatomyAt(u: number): Ellipse[] {
  const shapes: (Ellipse | undefined)[] = [
    cylinder(0, 10, 160, 115, -100), // subcutaneous fat
    cylinder(0, 10, 146, 101, 40), // muscle and soft tissue
    section(-70, -5, 10, 70, 62, 75, u, 60), // liver (patient's right)
    section(70, -25, 20, 40, 30, 45, u, 45), // spleen
    section(-25, -55, 95, 18, 12, 40, u, -900), // bowel gas
    section(-72, 40, 70, 36, 42, 58, u, -90), // right perirenal fat
    section(72, 40, 62, 36, 42, 58, u, -90), // left perirenal fat
    section(-72, 40, 70, 26, 32, 50, u, 30), // right kidney cortex
    section(-68, 38, 70, 10, 14, 26, u, -40), // right renal sinus fat
    section(72, 40, 62, 26, 32, 50, u, 30), // left kidney cortex
    section(68, 38, 62, 10, 14, 26, u, -40), // left renal sinus fat
    lesionSection(u),
    cylinder(15, 20, 12, 12, 45), // aorta
    cylinder(-25, 22, 11, 9, 38), // inferior vena cava
    cylinder(0, 58, 22, 19, 700), // vertebral body cortex
    cylinder(0, 58, 19, 16, 230), // cancellous bone
    cylinder(0, 90, 20, 15, 600), // neural arch
    cylinder(0, 88, 9, 8, 10), // spinal canal
    cylinder(0, 108, 4, 10, 650), // spinous process
  ];
  return shapes.filter((s): s is Ellipse => s !== undefined);
}
