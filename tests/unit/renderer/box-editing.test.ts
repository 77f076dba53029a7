import { describe, expect, it } from 'vitest';
import { emptyDocument, imagePoint } from '../../../src/shared/editor';
import type { LoadedSession } from '../../../src/shared/ipc/session';
import { beginGesture, finishGesture, gestureDraft } from '../../../src/renderer/features/boxes/box-gesture';
import { boxesReducer, initialBoxesState } from '../../../src/renderer/features/boxes/box-state';
import { progressText, secondsLeft } from '../../../src/renderer/features/export/export-progress';
import { defaultOutDir, exportScopes } from '../../../src/renderer/features/export/export-scopes';
import type { SeriesEntry } from '../../../src/shared/ipc/library';

const session: LoadedSession = {
  document: emptyDocument,
  settings: { window: { kind: 'auto' }, thickness: 3, color: [0, 255, 0], labels: false },
  restored: false,
};
const slice = { sliceKey: '1.2.3', frame: 1 };
const style = { color: [255, 0, 0] as const, thickness: 2 };
const bounds = { columns: 64, rows: 64 };
const box = {
  sliceKey: '1.2.3',
  frame: 1,
  x1: 10,
  y1: 10,
  x2: 20,
  y2: 20,
  color: [255, 0, 0] as const,
  thickness: 2,
};

describe('box state', () => {
  const loaded = boxesReducer(initialBoxesState, { type: 'loaded', folder: '/s', session });

  it('adding a box selects it, undo removes it and clears the selection, redo brings both back', () => {
    const added = boxesReducer(loaded, { type: 'edit', folder: '/s', edit: { kind: 'add', box } });
    expect(added.folders['/s']?.editor.document.boxes).toHaveLength(1);
    expect(added.selectedId).toBe('b1');
    const undone = boxesReducer(added, { type: 'undo', folder: '/s' });
    expect(undone.folders['/s']?.editor.document.boxes).toHaveLength(0);
    expect(undone.selectedId).toBeUndefined();
    const redone = boxesReducer(undone, { type: 'redo', folder: '/s' });
    expect(redone.folders['/s']?.editor.document.boxes[0]?.x2).toBe(20);
    expect(redone.selectedId).toBe('b1');
  });

  it('a session arriving after edits never replaces them, and an equal settings patch changes nothing', () => {
    const added = boxesReducer(loaded, { type: 'edit', folder: '/s', edit: { kind: 'add', box } });
    expect(boxesReducer(added, { type: 'loaded', folder: '/s', session })).toBe(added);
    expect(boxesReducer(added, { type: 'settings', folder: '/s', patch: { thickness: 3 } })).toBe(added);
    const changed = boxesReducer(added, { type: 'settings', folder: '/s', patch: { labels: true } });
    expect(changed.folders['/s']?.settings.labels).toBe(true);
  });

  it('edits to a folder with no session yet are ignored', () => {
    expect(boxesReducer(initialBoxesState, { type: 'edit', folder: '/x', edit: { kind: 'add', box } })).toBe(
      initialBoxesState,
    );
  });
});

describe('box gestures', () => {
  const existing = [{ ...box, id: 'b1' }];

  it('the draw tool on empty image draws a box covering both pixels; a click alone draws nothing', () => {
    const g = beginGesture('draw', existing, imagePoint(30.5, 30.5), 1, slice, style);
    expect(g?.kind).toBe('create');
    if (!g) return;
    const draft = gestureDraft(g, imagePoint(40.5, 35.5), bounds);
    expect([draft.x1, draft.y1, draft.x2, draft.y2]).toEqual([30, 30, 40, 35]);
    expect(finishGesture(g, draft)).toMatchObject({ kind: 'add', box: { x1: 30, x2: 40, thickness: 2 } });
    expect(finishGesture(g, gestureDraft(g, imagePoint(30.7, 30.7), bounds))).toBeUndefined();
  });

  it('a press inside a box moves it in any tool; on a corner it resizes; the window tool on empty image starts nothing', () => {
    const move = beginGesture('window', existing, imagePoint(15, 15), 1, slice, style);
    expect(move?.kind).toBe('move');
    if (move)
      expect(gestureDraft(move, imagePoint(20, 13), bounds)).toMatchObject({ x1: 15, y1: 8, x2: 25, y2: 18 });
    const resize = beginGesture('window', existing, imagePoint(21, 21), 1, slice, style);
    expect(resize).toMatchObject({ kind: 'resize', handle: 'se' });
    if (resize) expect(gestureDraft(resize, imagePoint(30, 26), bounds)).toMatchObject({ x2: 29, y2: 25 });
    expect(beginGesture('window', existing, imagePoint(40, 40), 1, slice, style)).toBeUndefined();
  });
});

describe('export helpers', () => {
  const series: SeriesEntry = {
    seriesInstanceUid: '9',
    description: '',
    modality: 'CT',
    rows: 64,
    columns: 64,
    folder: '/data/study',
    slices: [
      { path: '/data/study/a', frame: 0, sopInstanceUid: '1.1' },
      { path: '/data/study/b', frame: 0, sopInstanceUid: '1.2' },
    ],
  };

  it('scopes send the image, the series files or the folders, each with only its own boxes', () => {
    const boxes = [
      { ...box, id: 'b1', sliceKey: '1.2' },
      { ...box, id: 'b2', sliceKey: '7.7', label: 'other' },
    ];
    const [image, whole, everything] = exportScopes(series, 1, ['/data/study'], boxes);
    expect(image).toMatchObject({ id: 'image', inputs: ['/data/study/b'] });
    expect(image?.boxes.map((b) => b.sopInstanceUid)).toEqual(['1.2']);
    expect(whole?.inputs).toEqual(['/data/study/a', '/data/study/b']);
    expect(whole?.boxes).toHaveLength(1);
    expect(everything?.inputs).toEqual(['/data/study']);
    expect(everything?.boxes).toHaveLength(2);
    expect(defaultOutDir('/data/study/')).toBe('/data/study-dicom-ink');
  });

  it("a box the reader drew goes out as the reader's finding (finder reader); an imported one as the algorithm's", () => {
    const boxes = [
      { ...box, id: 'b1', sliceKey: '1.2', drawn: true, review: 'accepted' as const },
      { ...box, id: 'b2', sliceKey: '1.2', source: 'coco.json' },
    ];
    const [image] = exportScopes(series, 1, ['/data/study'], boxes);
    expect(image?.boxes.map((b) => b.finder)).toEqual(['reader', undefined]);
  });

  it("each scope names the algorithm of its folders' findings files; disagreeing files are a reason", () => {
    const folder = [{ file: 'coco.json', algorithm: { name: 'CocoNet', version: '0.9' } }];
    const other = [{ file: 'seg.dcm', algorithm: { name: 'SegNet' } }];
    const [image, whole, everything] = exportScopes(series, 1, ['/data/study', '/data/other'], [], {
      folder,
      all: [...folder, ...other],
    });
    const named = { ok: true, algorithm: { name: 'CocoNet', version: '0.9' } };
    expect(image?.algorithm).toEqual(named);
    expect(whole?.algorithm).toEqual(named);
    const refused = everything?.algorithm;
    expect(refused?.ok).toBe(false);
    if (refused === undefined || refused.ok) return;
    expect(refused.reason).toContain('coco.json: CocoNet 0.9, seg.dcm: SegNet');
  });

  it('progress text gives count, rate and time left', () => {
    const running = {
      jobId: 'j',
      state: 'running' as const,
      done: 10,
      total: 40,
      converted: 10,
      skipped: 0,
      failed: 0,
      elapsedMs: 2000,
    };
    expect(secondsLeft(running)).toBe(6);
    expect(progressText(running)).toBe('10 of 40 images · 5.0 images/s · 6 s left');
  });
});
