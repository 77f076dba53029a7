/** Issue 23: review states in the editor model, the audit trail, and the review actions. */
import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  createEditorState,
  undo,
  type EditableBox,
  type NewBox,
} from '../../../src/shared/editor';
import { editorDocumentSchema } from '../../../src/shared/editor/schema';
import { boxesReducer, initialBoxesState } from '../../../src/renderer/features/boxes/box-state';
import { REVIEW_ACTIONS, reviewActionForKey } from '../../../src/renderer/features/review/actions/register';
import type { ReviewContext } from '../../../src/renderer/features/review/actions/review-action';
import { reviewProgress, stepFinding } from '../../../src/renderer/features/review/review-order';
import { actionForKey } from '../../../src/renderer/features/viewer/shortcuts';
import type { LoadedSession } from '../../../src/shared/ipc/session';
import type { Edit } from '../../../src/shared/editor';
import { exportableBoxes, importBoxRecords } from '../../../src/shared/editor/box-io';
import { boxesToCsv } from '../../../src/shared/boxes/serialize';
import { reviewerOf } from '../../../src/renderer/features/review/reviewer-of';

const imported = (x: number, extra: Partial<NewBox> = {}): NewBox => ({
  sliceKey: '1.2.3',
  frame: 1,
  x1: x,
  y1: 10,
  x2: x + 10,
  y2: 20,
  color: [255, 0, 0],
  thickness: 2,
  label: 'lesion',
  ...extra,
});

function withImported(boxes: NewBox[]) {
  return applyEdit(createEditorState(), { kind: 'import', boxes });
}

describe('review states in the editor', () => {
  it('a box the reader draws is accepted by its author, and stays accepted when moved', () => {
    let state = applyEdit(createEditorState(), { kind: 'add', box: imported(0) });
    const drawn = state.document.boxes[0] as EditableBox;
    expect([drawn.review, drawn.drawn]).toEqual(['accepted', true]);
    state = applyEdit(state, { kind: 'update', box: { ...drawn, x1: 5, x2: 15 } });
    expect(state.document.boxes[0]?.review).toBe('accepted');
    expect(state.document.boxes[0]?.original).toBeUndefined();
  });

  it("moving a file's finding makes it edited and keeps where it was before the first edit", () => {
    let state = withImported([imported(0, { findingId: 'f1' })]);
    const box = state.document.boxes[0] as EditableBox;
    expect(box.review).toBeUndefined();
    state = applyEdit(state, { kind: 'update', box: { ...box, x1: 5, x2: 15 } });
    state = applyEdit(state, {
      kind: 'update',
      box: { ...(state.document.boxes[0] as EditableBox), y2: 30 },
    });
    const edited = state.document.boxes[0] as EditableBox;
    expect(edited.review).toBe('edited');
    expect(edited.original).toEqual({ x1: 0, y1: 10, x2: 10, y2: 20, label: 'lesion' });
    expect([edited.x1, edited.y2, edited.findingId]).toEqual([5, 30, 'f1']);
  });

  it('relabelling makes it edited; a colour change does not', () => {
    let state = withImported([imported(0), imported(40)]);
    state = applyEdit(state, { kind: 'set-style', ids: ['b1'], label: 'cyst' });
    state = applyEdit(state, { kind: 'set-style', ids: ['b2'], color: [0, 255, 0] });
    expect(state.document.boxes.map((b) => b.review)).toEqual(['edited', undefined]);
  });

  it('a verdict sets the state; restoring to unreviewed removes it; a rejected box moved stays rejected', () => {
    let state = withImported([imported(0)]);
    state = applyEdit(state, { kind: 'review', ids: ['b1'], review: 'rejected' });
    expect(state.document.boxes[0]?.review).toBe('rejected');
    state = applyEdit(state, { kind: 'update', box: { ...(state.document.boxes[0] as EditableBox), x1: 3 } });
    expect(state.document.boxes[0]?.review).toBe('rejected');
    state = applyEdit(state, { kind: 'review', ids: ['b1'], review: 'unreviewed' });
    expect(state.document.boxes[0]).not.toHaveProperty('review');
  });

  it('a session document with verdicts, originals and an audit trail passes the schema', () => {
    let state = withImported([imported(0)]);
    state = applyEdit(state, { kind: 'update', box: { ...(state.document.boxes[0] as EditableBox), x1: 3 } });
    const document = {
      ...state.document,
      audit: [
        {
          boxId: 'b1',
          who: 'DOE^JANE',
          when: '2026-01-01T00:00:00.000Z',
          action: 'update',
          before: { review: 'unreviewed', sliceKey: '1.2.3', frame: 1, x1: 0, y1: 10, x2: 10, y2: 20 },
          after: { review: 'edited', sliceKey: '1.2.3', frame: 1, x1: 3, y1: 10, x2: 10, y2: 20 },
        },
      ],
    };
    expect(editorDocumentSchema.safeParse(document).success).toBe(true);
  });
});

const session = (reviewer?: string): LoadedSession => ({
  document: { boxes: [], nextId: 1 },
  settings: {
    window: { kind: 'auto' },
    thickness: 2,
    color: [255, 0, 0],
    labels: false,
    ...(reviewer ? { reviewer } : {}),
  },
  restored: false,
});

describe('the audit trail', () => {
  it('records who, when and what changed (before and after), and undo adds to it rather than erasing it', () => {
    let state = boxesReducer(initialBoxesState, {
      type: 'loaded',
      folder: 'f',
      session: session('DOE^JANE'),
    });
    state = boxesReducer(state, {
      type: 'edit',
      folder: 'f',
      edit: { kind: 'import', boxes: [imported(0)] },
    });
    state = boxesReducer(state, {
      type: 'edit',
      folder: 'f',
      edit: { kind: 'review', ids: ['b1'], review: 'rejected' },
      at: '2026-01-01T10:00:00.000Z',
    });
    state = boxesReducer(state, { type: 'undo', folder: 'f', at: '2026-01-01T10:01:00.000Z' });
    const audit = state.folders.f?.editor.document.audit ?? [];
    expect(audit.map((e) => [e.who, e.when, e.action, e.before.review, e.after.review])).toEqual([
      ['DOE^JANE', '2026-01-01T10:00:00.000Z', 'rejected', 'unreviewed', 'rejected'],
      ['DOE^JANE', '2026-01-01T10:01:00.000Z', 'undo', 'rejected', 'unreviewed'],
    ]);
    expect(state.folders.f?.editor.document.boxes[0]?.review).toBeUndefined();
  });

  it("names the app-wide reviewer of Settings, a session's own (saved before) only without one", () => {
    let state = boxesReducer(initialBoxesState, {
      type: 'loaded',
      folder: 'f',
      session: session('OLD^NAME'),
    });
    state = boxesReducer(state, {
      type: 'edit',
      folder: 'f',
      edit: { kind: 'import', boxes: [imported(0)] },
    });
    const verdict = {
      type: 'edit',
      folder: 'f',
      edit: { kind: 'review', ids: ['b1'], review: 'accepted' },
    } as const;
    state = boxesReducer(state, verdict);
    state = boxesReducer(state, { type: 'reviewer', reviewer: 'DOE^JANE' });
    state = boxesReducer(state, { ...verdict, edit: { ...verdict.edit, review: 'rejected' } });
    const who = (state.folders.f?.editor.document.audit ?? []).map((e) => e.who);
    expect(who).toEqual(['OLD^NAME', 'DOE^JANE']);
  });

  it('undo in the editor keeps the current audit trail', () => {
    let state = withImported([imported(0)]);
    state = applyEdit(state, { kind: 'review', ids: ['b1'], review: 'accepted' });
    const audit = [{ boxId: 'b1' }] as never;
    state = { ...state, document: { ...state.document, audit } };
    expect(undo(state).document.audit).toBe(audit);
  });
});

function context(over: Partial<ReviewContext>, commits: Edit[], shown: string[]): ReviewContext {
  const boxes = [imported(0), imported(20), imported(40)].map((b, i) => ({ ...b, id: `b${i + 1}` }));
  const findings = boxes.map((box, index) => ({ box, index }));
  return {
    findings,
    current: findings[0],
    reviewer: 'DOE^JANE',
    commit: (edit) => commits.push(edit),
    show: (finding) => shown.push(finding.box.id),
    needReviewer: () => shown.push('need reviewer'),
    ...over,
  };
}

describe('review actions', () => {
  const byId = (id: string): (typeof REVIEW_ACTIONS)[number] => {
    const action = REVIEW_ACTIONS.find((a) => a.id === id);
    if (!action) throw new Error(`no review action ${id}`);
    return action;
  };

  it('a verdict without a reviewer asks for one and records nothing', () => {
    const commits: Edit[] = [];
    const shown: string[] = [];
    byId('accept-finding').perform(context({ reviewer: undefined }, commits, shown));
    expect(commits).toEqual([]);
    expect(shown).toEqual(['need reviewer']);
  });

  it('accept and reject record the verdict and move on to the next unreviewed finding', () => {
    const commits: Edit[] = [];
    const shown: string[] = [];
    byId('reject-finding').perform(context({}, commits, shown));
    expect(commits).toEqual([{ kind: 'review', ids: ['b1'], review: 'rejected' }]);
    expect(shown).toEqual(['b2']);
  });

  it('next and previous wrap round; progress counts verdicts', () => {
    const shown: string[] = [];
    byId('previous-finding').perform(context({}, [], shown));
    byId('next-finding').perform(context({}, [], shown));
    expect(shown).toEqual(['b3', 'b2']);
    const findings = context({}, [], []).findings.map((f, i) =>
      i === 0 ? { ...f, box: { ...f.box, review: 'rejected' as const } } : f,
    );
    expect(reviewProgress(findings)).toEqual({ reviewed: 1, total: 3 });
    expect(stepFinding(findings, undefined, 1)?.box.id).toBe('b2');
  });

  it('review keys clash with no viewer or box key (N P Y X U, R toggles)', () => {
    const keys = REVIEW_ACTIONS.map((a) => a.key);
    expect(keys).toEqual(['p', 'n', 'y', 'x', 'u']);
    for (const key of [...keys, 'r']) {
      const input = { key, ctrlKey: false, metaKey: false, altKey: false };
      expect(actionForKey(input, [], 10), key).toBeUndefined();
      expect(['b', 'delete', 'backspace', 'escape']).not.toContain(key);
    }
    expect(reviewActionForKey({ key: 'Y', ctrlKey: true, metaKey: false, altKey: false })).toBeUndefined();
  });
});

describe('the reviewer is named once', () => {
  it("a folder without a reviewer takes another opened folder's", () => {
    let state = boxesReducer(initialBoxesState, {
      type: 'loaded',
      folder: 'a',
      session: session('DOE^JANE'),
    });
    state = boxesReducer(state, { type: 'loaded', folder: 'b', session: session() });
    expect(reviewerOf(state.folders, 'b')).toBe('DOE^JANE');
    state = boxesReducer(state, { type: 'settings', folder: 'b', patch: { reviewer: 'ROE^RICHARD' } });
    expect([reviewerOf(state.folders, 'a'), reviewerOf(state.folders, 'b')]).toEqual([
      'DOE^JANE',
      'ROE^RICHARD',
    ]);
    expect(reviewerOf(initialBoxesState.folders, 'a')).toBeUndefined();
  });
});

describe('box files carry the verdicts both ways in the app', () => {
  it('an imported row keeps its id and review; Save CSV/JSON writes them back', () => {
    const image = {
      sopInstanceUid: '1.2.3',
      seriesInstanceUid: '1.2',
      relativePath: 'IM1',
      columns: 64,
      rows: 64,
      frames: 1,
    };
    const { boxes } = importBoxRecords(
      [
        {
          target: { kind: 'sop', sopInstanceUid: '1.2.3' },
          frame: 1,
          x1: 1,
          y1: 1,
          x2: 9,
          y2: 9,
          origin: 'b.csv:2',
          id: 'f1',
          review: 'rejected',
        },
      ],
      [image],
      { color: [255, 0, 0], thickness: 2 },
    );
    expect([boxes[0]?.findingId, boxes[0]?.review]).toEqual(['f1', 'rejected']);
    const rows = exportableBoxes([{ ...(boxes[0] as NewBox), id: 'b1' }], [image]);
    expect(boxesToCsv(rows).split('\n')[1]?.endsWith(',f1,rejected')).toBe(true);
  });
});
