import { describe, expect, it } from 'vitest';
import type { AnnotationGraphic } from '../../../src/shared/findings/annotations/graphic';
import { extentPixels, graphicExtent } from '../../../src/shared/findings/annotations/graphic';
import { placeReadGraphics } from '../../../src/shared/findings/annotations/place-graphics';

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
