import { describe, expect, it } from 'vitest';
import {
  dragWindow,
  followOpening,
  initialViewerState,
  openingSlice,
  viewerReducer,
  type ViewerState,
} from '../../../src/renderer/features/viewer/viewer-state';

const opened: ViewerState = viewerReducer(initialViewerState, {
  type: 'series',
  uid: '1.2.3',
  sliceCount: 24,
});

describe('viewer state', () => {
  it('opens a series at its first slice with the file window and the image fitted', () => {
    expect(opened).toMatchObject({
      seriesUid: '1.2.3',
      sliceCount: 24,
      index: 0,
      window: { kind: 'auto' },
      fitted: true,
    });
  });

  it('steps slices and stops at both ends', () => {
    expect(viewerReducer(opened, { type: 'step', delta: 1 }).index).toBe(1);
    expect(viewerReducer(opened, { type: 'step', delta: -1 }).index).toBe(0);
    expect(viewerReducer(opened, { type: 'step', delta: 100 }).index).toBe(23);
    expect(viewerReducer(opened, { type: 'goto', index: 23 }).index).toBe(23);
  });

  it('keeps the slice when more slices arrive during a scan, and clamps when a series shrinks', () => {
    const at10 = viewerReducer(opened, { type: 'goto', index: 10 });
    expect(viewerReducer(at10, { type: 'series', uid: '1.2.3', sliceCount: 30 }).index).toBe(10);
    expect(viewerReducer(at10, { type: 'slices', sliceCount: 5 }).index).toBe(4);
    expect(viewerReducer(at10, { type: 'series', uid: '9.9', sliceCount: 5 }).index).toBe(0);
  });

  it('switches between preset, custom and auto windows; a width below 1 becomes 1 (PS3.3 C.11.2.1.2.1)', () => {
    expect(viewerReducer(opened, { type: 'preset', name: 'Lung' }).window).toEqual({
      kind: 'preset',
      name: 'Lung',
    });
    expect(viewerReducer(opened, { type: 'custom', center: 40, width: 0 }).window).toEqual({
      kind: 'custom',
      center: 40,
      width: 1,
    });
    expect(viewerReducer(opened, { type: 'custom', center: Number.NaN, width: 10 })).toBe(opened);
    const custom = viewerReducer(opened, { type: 'custom', center: 40, width: 400 });
    expect(viewerReducer(custom, { type: 'auto' }).window).toEqual({ kind: 'auto' });
  });

  it('drags the window like a PACS: right widens, down raises the level, faster for wide windows', () => {
    expect(dragWindow({ center: 40, width: 80 }, 10, -5)).toEqual({ center: 35, width: 90 });
    expect(dragWindow({ center: 400, width: 1800 }, 10, 10)).toEqual({ center: 470, width: 1870 });
    expect(dragWindow({ center: 40, width: 80 }, -500, 0).width).toBe(1);
  });

  it('zooms about the anchor, pans, and fits the image centred in the view', () => {
    const fitted = viewerReducer(opened, {
      type: 'fit',
      image: { width: 256, height: 256 },
      view: { width: 980, height: 660 },
    });
    expect(fitted.viewport.zoom).toBeCloseTo(660 / 256, 6);
    expect(fitted.viewport.panX).toBeCloseTo((980 - 660) / 2, 6);
    expect(fitted.viewport.panY).toBe(0);
    const zoomed = viewerReducer(fitted, { type: 'zoom', factor: 2, anchorX: 490, anchorY: 330 });
    expect(zoomed.fitted).toBe(false);
    expect(zoomed.viewport.zoom).toBeCloseTo((660 / 256) * 2, 6);
    // The image point under the anchor stays under it.
    expect((490 - zoomed.viewport.panX) / zoomed.viewport.zoom).toBeCloseTo(
      (490 - fitted.viewport.panX) / fitted.viewport.zoom,
      6,
    );
    const panned = viewerReducer(zoomed, { type: 'pan', dx: 15, dy: -7 });
    expect(panned.viewport.panX - zoomed.viewport.panX).toBe(15);
    expect(panned.viewport.panY - zoomed.viewport.panY).toBe(-7);
  });

  it('toggles the help panel', () => {
    const open = viewerReducer(opened, { type: 'toggle-help' });
    expect(open.helpOpen).toBe(true);
    expect(viewerReducer(open, { type: 'toggle-help' }).helpOpen).toBe(false);
  });

  it('opens on the first slice with a finding, or with none on the middle slice', () => {
    expect(openingSlice([12, 10, 15], 24)).toBe(10);
    expect(openingSlice([], 24)).toBe(11);
    expect(openingSlice([], 25)).toBe(12);
    expect(openingSlice([], 1)).toBe(0);
    expect(openingSlice([], 0)).toBe(0);
  });

  it('follows a series still being read to its middle until the reader moves, then stays put', () => {
    const known = { findingsKnown: true };
    // Opened with 20 of 24 slices listed: the middle of 20.
    const first = followOpening(undefined, { index: 0, sliceCount: 20, marked: [], ...known });
    expect(first).toEqual({ index: 9, sliceCount: 20, ...known });
    // Nothing new: left alone.
    expect(followOpening(first, { index: 9, sliceCount: 20, marked: [], ...known })).toBeUndefined();
    // All 24 listed, the reader still on the slice it opened on: the middle of 24.
    expect(followOpening(first, { index: 9, sliceCount: 24, marked: [], ...known })).toEqual({
      index: 11,
      sliceCount: 24,
      ...known,
    });
    // The reader scrolled before the rest arrived: their slice is kept.
    expect(followOpening(first, { index: 4, sliceCount: 24, marked: [], ...known })).toBeUndefined();
    // Findings known: the first slice with one.
    expect(followOpening(first, { index: 9, sliceCount: 24, marked: [15, 13], ...known })).toEqual({
      index: 13,
      sliceCount: 24,
      ...known,
    });
  });

  it("goes to the first finding's slice when the findings arrive after the series opened, unless the reader moved", () => {
    // Every slice listed, the folder's session (with its boxes) not yet loaded: the middle.
    const first = followOpening(undefined, { index: 0, sliceCount: 24, marked: [], findingsKnown: false });
    expect(first).toEqual({ index: 11, sliceCount: 24, findingsKnown: false });
    // The boxes arrive: the first slice with a finding.
    const arrived = { sliceCount: 24, marked: [12, 10], findingsKnown: true };
    expect(followOpening(first, { index: 11, ...arrived })).toEqual({
      index: 10,
      sliceCount: 24,
      findingsKnown: true,
    });
    // The reader pressed End before they arrived: the last slice stays.
    expect(followOpening(first, { index: 23, ...arrived })).toBeUndefined();
  });

  it('never moves the slice when the findings change after they arrived (an edit, a deletion, an import)', () => {
    const opened = followOpening(undefined, { index: 0, sliceCount: 24, marked: [10], findingsKnown: true });
    expect(opened?.index).toBe(10);
    // The box on slice 11 deleted: the first finding is now on slice 13, and the reader stays on 11.
    expect(
      followOpening(opened, { index: 10, sliceCount: 24, marked: [12], findingsKnown: true }),
    ).toBeUndefined();
  });
});
