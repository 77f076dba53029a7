import { describe, expect, it } from 'vitest';
import type { NewBox } from '../../../src/shared/editor/editable-box';
import {
  applyEdit,
  boxesOnSlice,
  canRedo,
  canUndo,
  createEditorState,
  findBox,
  redo,
  undo,
} from '../../../src/shared/editor/editor-state';
import { editorDocumentSchema } from '../../../src/shared/editor/schema';
import { applyToDocument, duplicatesOf, emptyDocument } from '../../../src/shared/editor/edits';

function newBox(sliceKey: string, x1: number): NewBox {
  return { sliceKey, frame: 1, x1, y1: 10, x2: x1 + 9, y2: 19, color: [255, 0, 0], thickness: 4 };
}

describe('editor document edits', () => {
  it('add gives sequential ids and reports the new id', () => {
    let s = createEditorState();
    s = applyEdit(s, { kind: 'add', box: newBox('s1', 0) });
    s = applyEdit(s, { kind: 'add', box: newBox('s1', 20) });
    expect(s.document.boxes.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(s.lastChanged).toEqual(['b2']);
    expect(s.document.nextId).toBe(3);
  });

  it('update replaces the box with the same id; an unchanged update adds no undo step', () => {
    let s = applyEdit(createEditorState(), { kind: 'add', box: newBox('s1', 0) });
    const b1 = findBox(s, 'b1');
    if (!b1) throw new Error('b1 missing');
    const same = applyEdit(s, { kind: 'update', box: { ...b1 } });
    expect(same).toBe(s);
    s = applyEdit(s, { kind: 'update', box: { ...b1, x1: 5, x2: 30 } });
    expect(findBox(s, 'b1')).toMatchObject({ x1: 5, x2: 30 });
    expect(s.past).toHaveLength(2);
  });

  it('delete removes the named boxes only', () => {
    let s = createEditorState();
    for (const x of [0, 20, 40]) s = applyEdit(s, { kind: 'add', box: newBox('s1', x) });
    s = applyEdit(s, { kind: 'delete', ids: ['b1', 'b3', 'nope'] });
    expect(s.document.boxes.map((b) => b.id)).toEqual(['b2']);
    expect(s.lastChanged).toEqual(['b1', 'b3']);
  });

  it('copy-to-slices adds one copy per other slice and copying again adds nothing', () => {
    let s = applyEdit(createEditorState(), { kind: 'add', box: newBox('s1', 0) });
    const targets = ['s1', 's2', 's3'].map((sliceKey) => ({ sliceKey, frame: 1 }));
    s = applyEdit(s, { kind: 'copy-to-slices', id: 'b1', targets });
    expect(s.document.boxes.map((b) => `${b.id}@${b.sliceKey}`)).toEqual(['b1@s1', 'b2@s2', 'b3@s3']);
    expect(s.lastChanged).toEqual(['b2', 'b3']);
    const again = applyEdit(s, { kind: 'copy-to-slices', id: 'b1', targets });
    expect(again).toBe(s);
    expect(boxesOnSlice(s, { sliceKey: 's3', frame: 1 }).map((b) => b.x1)).toEqual([0]);
  });

  it('import appends many boxes as one undo step', () => {
    let s = applyEdit(createEditorState(), { kind: 'add', box: newBox('s1', 0) });
    s = applyEdit(s, { kind: 'import', boxes: [newBox('s2', 1), newBox('s3', 2), newBox('s4', 3)] });
    expect(s.document.boxes).toHaveLength(4);
    s = undo(s);
    expect(s.document.boxes.map((b) => b.id)).toEqual(['b1']);
  });

  it('set-style changes colour, thickness and label; label null removes it', () => {
    let s = applyEdit(createEditorState(), { kind: 'add', box: { ...newBox('s1', 0), label: 'old' } });
    s = applyEdit(s, { kind: 'set-style', ids: ['b1'], color: [0, 128, 255], thickness: 2, label: 'lesion' });
    expect(findBox(s, 'b1')).toMatchObject({ color: [0, 128, 255], thickness: 2, label: 'lesion' });
    s = applyEdit(s, { kind: 'set-style', ids: ['b1'], label: null });
    expect(findBox(s, 'b1')).not.toHaveProperty('label');
  });
});

describe('undo and redo', () => {
  it('undo then redo restores each document exactly (Ctrl+Z / Ctrl+Shift+Z)', () => {
    let s = createEditorState();
    s = applyEdit(s, { kind: 'add', box: newBox('s1', 0) });
    const afterAdd = s.document.boxes;
    s = applyEdit(s, { kind: 'delete', ids: ['b1'] });
    s = undo(s);
    expect(s.document.boxes).toEqual(afterAdd);
    expect(s.document.boxes[0]).toBe(afterAdd[0]);
    expect(s.lastChanged).toEqual(['b1']);
    s = undo(s);
    expect(s.document.boxes).toEqual([]);
    expect(canUndo(s)).toBe(false);
    s = redo(s);
    s = redo(s);
    expect(s.document.boxes).toEqual([]);
    expect(canRedo(s)).toBe(false);
  });

  it('a new edit after undo clears the redo stack', () => {
    let s = applyEdit(createEditorState(), { kind: 'add', box: newBox('s1', 0) });
    s = applyEdit(s, { kind: 'add', box: newBox('s1', 20) });
    s = undo(s);
    expect(canRedo(s)).toBe(true);
    s = applyEdit(s, { kind: 'add', box: newBox('s1', 40) });
    expect(canRedo(s)).toBe(false);
    expect(redo(s)).toBe(s);
    // ids are never reused, even for the undone b2.
    expect(s.document.boxes.map((b) => b.id)).toEqual(['b1', 'b3']);
  });

  it('keeps at most historyLimit undo steps', () => {
    let s = createEditorState(undefined, 5);
    for (let i = 0; i < 12; i++) s = applyEdit(s, { kind: 'add', box: newBox('s1', i) });
    expect(s.past).toHaveLength(5);
    while (canUndo(s)) s = undo(s);
    expect(s.document.boxes).toHaveLength(7);
  });

  it('the state is plain data: a JSON round trip keeps it equal and the document passes the schema', () => {
    let s = applyEdit(createEditorState(), {
      kind: 'add',
      box: { ...newBox('s1', 0), label: 'a', score: 0.9 },
    });
    s = undo(s);
    const copy: unknown = JSON.parse(JSON.stringify(s));
    expect(copy).toEqual(s);
    expect(editorDocumentSchema.safeParse(redo(s).document).success).toBe(true);
  });

  it('the schema rejects a document whose nextId would reuse an existing id', () => {
    const s = applyEdit(createEditorState(), { kind: 'add', box: newBox('s1', 0) });
    const result = editorDocumentSchema.safeParse({ ...s.document, nextId: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'nextId must be above every box id, or new boxes would reuse ids',
    );
  });
});

describe('importing the same boxes twice', () => {
  const box = (x: number, label?: string): NewBox => ({
    sliceKey: 's1',
    frame: 1,
    x1: x,
    y1: 10,
    x2: x + 20,
    y2: 30,
    color: [255, 0, 0],
    thickness: 2,
    ...(label === undefined ? {} : { label }),
    score: 0.9,
  });

  it('finds the boxes an import would add again (same image, pixels, label and score)', () => {
    const first = applyToDocument(emptyDocument, { kind: 'import', boxes: [box(1, 'a'), box(50, 'b')] });
    expect(duplicatesOf(first.document.boxes, [box(1, 'a'), box(50, 'b'), box(90, 'c')])).toEqual([
      'b1',
      'b2',
    ]);
    expect(duplicatesOf(first.document.boxes, [box(1, 'other label')])).toEqual([]);
  });

  it('replaces them in one undo step instead of doubling them', () => {
    const first = applyToDocument(emptyDocument, { kind: 'import', boxes: [box(1, 'a'), box(50, 'b')] });
    const again = applyToDocument(first.document, {
      kind: 'import',
      boxes: [box(1, 'a'), box(50, 'b')],
      replace: duplicatesOf(first.document.boxes, [box(1, 'a'), box(50, 'b')]),
    });
    expect(again.document.boxes.map((b) => b.label)).toEqual(['a', 'b']);
    expect(again.changed).toEqual(['b3', 'b4']);
  });
});

describe('boxes clipped at import', () => {
  // Imported from a row reaching past the right and bottom edges of a 64 x 32 image: clipped to x2 63, y2 31.
  const clipped: NewBox = { ...newBox('s1', 40), x2: 63, y2: 31, clippedEdges: ['right', 'bottom'] };

  it('keep the mark through a style change and the schema, and lose it when moved inside the image', () => {
    let s = applyToDocument(emptyDocument, { kind: 'import', boxes: [clipped] }).document;
    expect(editorDocumentSchema.safeParse(JSON.parse(JSON.stringify(s))).success).toBe(true);
    s = applyToDocument(s, { kind: 'set-style', ids: ['b1'], label: 'lesion' }).document;
    expect(s.boxes[0]?.clippedEdges).toEqual(['right', 'bottom']);
    const box = s.boxes[0];
    if (!box) throw new Error('b1 missing');
    // Resized on its left side only: it still ends at the right and bottom edges where it was clipped.
    s = applyToDocument(s, { kind: 'update', box: { ...box, x1: 30 } }).document;
    expect(s.boxes[0]?.clippedEdges).toEqual(['right', 'bottom']);
    // Its bottom side pulled up inside the image: only the right edge is still clipped.
    s = applyToDocument(s, { kind: 'update', box: { ...box, x1: 30, y2: 25 } }).document;
    expect(s.boxes[0]?.clippedEdges).toEqual(['right']);
    // Moved inside: no mark left.
    const moved = s.boxes[0];
    if (!moved) throw new Error('b1 missing');
    s = applyToDocument(s, { kind: 'update', box: { ...moved, x1: 20, x2: 50 } }).document;
    expect(s.boxes[0]).not.toHaveProperty('clippedEdges');
  });

  it('do not pass the mark to copies on other slices', () => {
    let s = applyToDocument(emptyDocument, { kind: 'import', boxes: [clipped] }).document;
    s = applyToDocument(s, {
      kind: 'copy-to-slices',
      id: 'b1',
      targets: [{ sliceKey: 's2', frame: 1 }],
    }).document;
    expect(s.boxes.map((b) => b.clippedEdges)).toEqual([['right', 'bottom'], undefined]);
  });

  it('the schema refuses an unknown edge', () => {
    const doc = { boxes: [{ ...clipped, id: 'b1', clippedEdges: ['north'] }], nextId: 2 };
    expect(editorDocumentSchema.safeParse(doc).success).toBe(false);
  });
});
