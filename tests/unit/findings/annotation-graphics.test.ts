import { describe, expect, it } from 'vitest';
import type { AnnotationGraphic } from '../../../src/shared/findings/annotations/graphic';
import { extentPixels, graphicExtent } from '../../../src/shared/findings/annotations/graphic';
import { placeReadGraphics } from '../../../src/shared/findings/annotations/place-graphics';
import { volumeToImage } from '../../../src/shared/findings/annotations/volume-graphic';

const image = { sopInstanceUid: '1.2.3', columns: 48, rows: 40, frames: 1, name: 'IM0001' };
const cine = { sopInstanceUid: '1.2.4', columns: 48, rows: 40, frames: 3, name: 'CINE' };
const find = (uid: string) => [image, cine].find((i) => i.sopInstanceUid === uid);

function graphic(part: Partial<AnnotationGraphic>): AnnotationGraphic {
  return {
    index: 1,
    origin: 'r.dcm graphic 1',
    type: 'POLYLINE',
    units: 'PIXEL',
    points: [],
    references: [{ sopInstanceUid: '1.2.3' }],
    ...part,
  };
}

describe('a graphic bounds the pixels it touches (pixel i spans i to i + 1, PS3.3 C.18.6.1.1)', () => {
  it('a box written along its outer pixel edges and one through its corner pixel centres read back the same', () => {
    const edges = graphicExtent('POLYLINE', [5, 6, 15, 6, 15, 14, 5, 14, 5, 6]);
    const centres = graphicExtent('POLYLINE', [5.5, 6.5, 14.5, 6.5, 14.5, 13.5, 5.5, 13.5]);
    expect(typeof edges === 'string' ? edges : extentPixels(edges)).toEqual({ x1: 5, y1: 6, x2: 14, y2: 13 });
    expect(typeof centres === 'string' ? centres : extentPixels(centres)).toEqual({
      x1: 5,
      y1: 6,
      x2: 14,
      y2: 13,
    });
  });

  it('a CIRCLE is its centre and a point on it; a rotated ELLIPSE reaches sqrt(a.x^2 + b.x^2) from its centre', () => {
    expect(graphicExtent('CIRCLE', [10, 10, 13, 14])).toEqual({ left: 5, top: 5, right: 15, bottom: 15 });
    // half-axes (3, 4) and (-0.8, 0.6): reach sqrt(9 + 0.64) in x and sqrt(16 + 0.36) in y
    const e = graphicExtent('ELLIPSE', [17, 16, 23, 24, 20.8, 19.4, 19.2, 20.6]);
    expect(typeof e).not.toBe('string');
    if (typeof e === 'string') return;
    expect(e.left).toBeCloseTo(20 - Math.sqrt(9.64), 9);
    expect(e.bottom).toBeCloseTo(20 + Math.sqrt(16.36), 9);
  });

  it('a POINT on a pixel edge is the pixel right and below it', () => {
    const p = graphicExtent('POINT', [140, 120]);
    expect(typeof p === 'string' ? p : extentPixels(p)).toEqual({ x1: 140, y1: 120, x2: 140, y2: 120 });
  });

  it('malformed graphics and unknown types say why', () => {
    expect(graphicExtent('ELLIPSE', [1, 2, 3, 4])).toBe(
      'its ELLIPSE has the wrong number of coordinates (4 values)',
    );
    expect(graphicExtent('SPLINE', [1, 2])).toMatch(/graphic type SPLINE is not one DICOM Ink reads/);
  });
});

describe('graphics are placed on the frames they reference', () => {
  it('DISPLAY units run across the displayed area, else the whole image; a rotated display is refused', () => {
    const placed = placeReadGraphics(
      {
        graphics: [
          graphic({ units: 'DISPLAY', points: [0.25, 0.5], type: 'POINT' }),
          graphic({
            index: 2,
            origin: 'r.dcm graphic 2',
            units: 'DISPLAY',
            type: 'POINT',
            points: [0.25, 0.5],
            references: [
              { sopInstanceUid: '1.2.3', displayedArea: { left: 4, top: 2, right: 44, bottom: 38 } },
            ],
          }),
          graphic({
            index: 3,
            origin: 'r.dcm graphic 3',
            units: 'DISPLAY',
            type: 'POINT',
            points: [0.25, 0.5],
            references: [{ sopInstanceUid: '1.2.3', displayProblem: 'a rotated display' }],
          }),
        ],
        problems: [],
        notes: [],
      },
      find,
    );
    expect(placed.findings.map((f) => [f.x1, f.y1])).toEqual([
      [12, 20],
      [14, 20],
    ]);
    expect(placed.problems).toEqual([{ origin: 'r.dcm graphic 3', reason: 'a rotated display' }]);
  });

  it('no frame named on a multi-frame image: every frame, each with its own origin; a frame it lacks is reported', () => {
    const placed = placeReadGraphics(
      {
        graphics: [
          graphic({ type: 'POINT', points: [1.5, 1.5], references: [{ sopInstanceUid: '1.2.4' }] }),
          graphic({
            index: 2,
            origin: 'r.dcm graphic 2',
            type: 'POINT',
            points: [1.5, 1.5],
            references: [{ sopInstanceUid: '1.2.4', frames: [2, 4] }],
          }),
        ],
        problems: [{ index: 3, origin: 'r.dcm graphic 3', reason: 'SCOORD3D' }],
        notes: [],
      },
      find,
    );
    expect(placed.findings.map((f) => [f.frame, f.origin])).toEqual([
      [1, 'r.dcm graphic 1 frame 1'],
      [2, 'r.dcm graphic 1 frame 2'],
      [3, 'r.dcm graphic 1 frame 3'],
      [2, 'r.dcm graphic 2 on CINE frame 2'],
    ]);
    expect(placed.problems).toEqual([
      {
        origin: 'r.dcm graphic 2 on CINE frame 4',
        reason: 'it references frame 4 of CINE, which has 3 frame(s)',
      },
      { origin: 'r.dcm graphic 3', reason: 'SCOORD3D' },
    ]);
  });

  it('a graphic entirely outside its image, or on an image not given, is reported', () => {
    const placed = placeReadGraphics(
      {
        graphics: [
          graphic({ type: 'POINT', points: [60.5, 1.5] }),
          graphic({
            index: 2,
            origin: 'r.dcm graphic 2',
            type: 'POINT',
            points: [1, 1],
            references: [{ sopInstanceUid: '9.9' }],
          }),
        ],
        problems: [],
        notes: [],
      },
      find,
    );
    expect(placed.findings).toEqual([]);
    expect(placed.problems.map((p) => p.reason)).toEqual([
      'its POINT lies outside the 48x40 image IM0001',
      'it references SOP Instance 9.9, which is not among the images',
    ]);
  });
});

describe('an SCOORD3D goes on the slice whose plane holds it', () => {
  const plane = (z: number) => ({
    position: [-10, -20, z] as const,
    rowDirection: [1, 0, 0] as const,
    columnDirection: [0, 1, 0] as const,
    rowSpacing: 0.8,
    columnSpacing: 0.5,
    rows: 40,
    columns: 48,
  });
  const slices = [
    { sopInstanceUid: 'a', name: 'A', plane: plane(0), sliceSpacing: 2.5, frameOfReferenceUid: 'F' },
    { sopInstanceUid: 'b', name: 'B', plane: plane(2.5), sliceSpacing: 2.5, frameOfReferenceUid: 'F' },
  ];

  it('LPS mm -> image coordinates through the plane: column = (x - x0) / column spacing + 0.5', () => {
    // pixel centres (col 4, row 10) and (col 20, row 30) of slice B
    const mapped = volumeToImage(
      {
        index: 1,
        origin: 'g1',
        type: 'POLYGON',
        points: [-8, -12, 2.6, 0, 4, 2.4],
        frameOfReferenceUid: 'F',
      },
      slices,
    );
    expect(mapped).toMatchObject({ type: 'POLYLINE', references: [{ sopInstanceUid: 'b' }] });
    expect('points' in mapped ? mapped.points.map((v) => Number(v.toFixed(6))) : mapped).toEqual([
      4.5, 10.5, 20.5, 30.5,
    ]);
  });

  it('beyond the stack, in another Frame of Reference, or an ELLIPSOID: reported with why', () => {
    const off = volumeToImage({ index: 1, origin: 'g1', type: 'POINT', points: [0, 0, -1.3] }, slices);
    expect(off).toEqual({
      index: 1,
      origin: 'g1',
      reason: "its SCOORD3D POINT lies in no input slice's plane (nearest: A, 1.3 mm off its plane)",
    });
    const other = volumeToImage(
      { index: 2, origin: 'g2', type: 'POINT', points: [0, 0, 0], frameOfReferenceUid: 'G' },
      slices,
    );
    expect('reason' in other && other.reason).toMatch(/Frame of Reference G, which no input image/);
    const ellipsoid = volumeToImage({ index: 3, origin: 'g3', type: 'ELLIPSOID', points: [0, 0, 0] }, slices);
    expect('reason' in ellipsoid && ellipsoid.reason).toMatch(/ELLIPSOID is not a planar graphic/);
  });
});
