import { describe, expect, it } from 'vitest';
import type { FileOutcome } from '../../../src/main/convert/outcome';
import { alreadyDoneReason, existsReason } from '../../../src/main/convert/write-output';
import { createPlacementTracker, MAX_UNPLACED_LABELS } from '../../../src/main/export/findings-placement';
import type { ImageWarning } from '../../../src/main/convert/image-warnings';
import type { RowShare } from '../../../src/main/export/row-share';
import type { BoxRecord } from '../../../src/shared/boxes/model';
import { packBoxes, readPackedBoxes } from '../../../src/shared/boxes/packed-boxes';

const box = (target: BoxRecord['target'], origin: string, frame = 1): BoxRecord => ({
  target,
  frame,
  x1: 0,
  y1: 0,
  x2: 9,
  y2: 9,
  origin,
});

const rows: BoxRecord[] = [
  box({ kind: 'file', file: 'a/IM1' }, 'b.csv:2'),
  box({ kind: 'sop', sopInstanceUid: '9.9' }, 'b.csv:3', 2),
  box({ kind: 'series-instance', seriesInstanceUid: '1.2', instanceNumber: 7 }, 'b.csv:4'),
  box({ kind: 'file', file: 'a/IM2' }, 'b.csv:5'),
  box({ kind: 'file', file: 'a/IM3' }, 'b.csv:6'),
  box({ kind: 'file', file: 'a/IM4' }, 'b.csv:7'),
  // a second box file of the same name: its row 2 shares the origin of the first one's
  box({ kind: 'file', file: 'elsewhere/IM9' }, 'b.csv:2'),
];

type Converted = Extract<FileOutcome, { status: 'converted' }>;

const converted = (input: string, origins: string[]): Converted => ({
  status: 'converted',
  input,
  output: `${input}.out`,
  frames: 1,
  boxesDrawn: origins.length,
  matchedBoxOrigins: origins,
});

const skipped = (input: string, reason: string, origins: string[]): FileOutcome => ({
  status: 'skipped',
  input,
  reason,
  matchedBoxOrigins: origins,
});

describe('findings placement tracker', () => {
  it('lists the rows no outcome matched, in row order, each with the reason its target gives', () => {
    const tracker = createPlacementTracker(readPackedBoxes(packBoxes(rows)));
    tracker.add(converted('a/IM1', ['b.csv:2']));
    tracker.add({ status: 'failed', input: 'a/IM2', reason: 'disk full', matchedBoxOrigins: ['b.csv:5'] });
    tracker.add(skipped('a/IM3', existsReason, ['b.csv:6']));
    // The row on elsewhere/IM9 shares origin b.csv:2 with a matched row, so it counts as matched (by origin).
    expect(tracker.unmatched()).toEqual(['b.csv:3', 'b.csv:4', 'b.csv:7']);
    expect(tracker.result().unmatchedReasons).toEqual({
      'b.csv:3': 'no input image has SOP Instance UID 9.9 (or that image has no frame 2)',
      'b.csv:4': 'no input image of series 1.2 has instance number 7',
      'b.csv:7': 'no input file is a/IM4',
    });
  });

  it('reports rows on differing outputs already there, in row order, unless another image drew them', () => {
    const tracker = createPlacementTracker(readPackedBoxes(packBoxes(rows)));
    tracker.add(skipped('a/IM4', alreadyDoneReason, ['b.csv:7']));
    tracker.add(skipped('a/IM3', existsReason, ['b.csv:6']));
    tracker.add(skipped('a/IM1', existsReason, ['b.csv:2']));
    tracker.add(skipped('a/IM2', existsReason, ['b.csv:5']));
    tracker.add(skipped('a/IM4', alreadyDoneReason, ['b.csv:7']));
    tracker.add(converted('elsewhere/IM9', ['b.csv:2']));
    // a/IM4's output equals what this run writes, so its row b.csv:7 is drawn in it: not "already there"
    expect(tracker.result().boxesAlreadyThere).toEqual(['b.csv:5', 'b.csv:6']);
  });

  it('reports the same lists whatever order the workers finish their images in', () => {
    const clip = (origin: string, text: string): ImageWarning => ({
      kind: 'box-clipped',
      origin,
      outside: false,
      text,
    });
    const misfit = (series: string, text: string): ImageWarning => ({
      kind: 'preset-misfit',
      seriesInstanceUid: series,
      text,
    });
    const unplaced = (origin: string, label: string): ImageWarning => ({
      kind: 'label-unplaced',
      origin,
      frame: 1,
      label,
      text: 'no room',
    });
    // More unplaced labels than are listed, so which are listed must not depend on the order either.
    const many = Array.from({ length: MAX_UNPLACED_LABELS + 5 }, (_, i) => unplaced('b.csv:4', `L${i}`));
    const outcomes: FileOutcome[] = [
      {
        ...converted('s/IM3', ['b.csv:5']),
        warnings: [clip('b.csv:5', 'IM3 words'), misfit('1.9', 'MR'), ...many],
      },
      {
        ...converted('s/IM1', ['b.csv:6']),
        warnings: [clip('b.csv:5', 'IM1 words'), misfit('1.9', 'MR!'), clip('b.csv:6', 'c')],
      },
      {
        ...converted('s/IM2', ['b.csv:2']),
        warnings: [misfit('1.10', 'US'), unplaced('b.csv:2', 'kidney'), clip('b.csv:2', 'a')],
      },
      skipped('s/IM4', existsReason, ['b.csv:7']),
      skipped('s/IM5', existsReason, ['b.csv:3']),
    ];
    const resultOf = (order: readonly FileOutcome[]) => {
      const tracker = createPlacementTracker(readPackedBoxes(packBoxes(rows)));
      order.forEach((outcome) => tracker.add(outcome));
      return tracker.result();
    };
    const forward = resultOf(outcomes);
    expect(resultOf([...outcomes].reverse())).toEqual(forward);
    expect(
      resultOf([outcomes[1], outcomes[3], outcomes[0], outcomes[4], outcomes[2]] as FileOutcome[]),
    ).toEqual(forward);
    expect(forward.boxesAlreadyThere).toEqual(['b.csv:3', 'b.csv:7']);
    // in row order, each in the words of the first input by path that said it
    expect(forward.clippedBoxes.map((c) => c.text)).toEqual(['a', 'IM1 words', 'c']);
    expect(forward.presetMisfits).toEqual([
      { seriesInstanceUid: '1.10', text: 'US', images: 1 },
      { seriesInstanceUid: '1.9', text: 'MR!', images: 2 },
    ]);
    expect(forward.unplacedLabelCount).toBe(MAX_UNPLACED_LABELS + 6);
    expect(forward.unplacedLabels).toHaveLength(MAX_UNPLACED_LABELS);
    expect(forward.unplacedLabels[0]).toMatchObject({ input: 's/IM2', label: 'kidney' });
    expect(forward.unplacedLabels[1]).toMatchObject({ input: 's/IM3', label: 'L0' });
  });

  it('in a sharded run, answers only for rows of its share and lists rows it cannot place in a share', () => {
    const shares: Record<string, RowShare> = { 'a/IM2': 'mine', 'a/IM3': 'elsewhere', 'a/IM4': 'elsewhere' };
    const tracker = createPlacementTracker(readPackedBoxes(packBoxes(rows)), (target) =>
      target.kind === 'file' ? (shares[target.file] ?? 'mine') : 'unknown',
    );
    tracker.add(converted('a/IM1', ['b.csv:2']));
    expect(tracker.unmatched()).toEqual(['b.csv:5']);
    const result = tracker.result();
    expect(result.unmatchedReasons).toEqual({ 'b.csv:5': 'no input file is a/IM2' });
    expect(result.notInShare).toEqual(['b.csv:3', 'b.csv:4']);
    expect(result.ofOtherShares).toBe(2);
  });

  it('keeps the first clipped warning per origin and counts preset misfits per series', () => {
    const tracker = createPlacementTracker(readPackedBoxes(packBoxes(rows)));
    const clip = { kind: 'box-clipped' as const, origin: 'b.csv:2', outside: false, text: 'clipped' };
    const misfit = { kind: 'preset-misfit' as const, seriesInstanceUid: '1.2', text: 'not HU' };
    tracker.add({ ...converted('a/IM1', ['b.csv:2']), warnings: [clip, misfit] });
    tracker.add({ ...converted('a/IM5', []), warnings: [{ ...clip, text: 'again' }, misfit] });
    const result = tracker.result();
    expect(result.clippedBoxes).toEqual([{ origin: 'b.csv:2', text: 'clipped', outside: false }]);
    expect(result.presetMisfits).toEqual([{ seriesInstanceUid: '1.2', text: 'not HU', images: 2 }]);
  });

  it('has nothing to say when the job has no findings', () => {
    const tracker = createPlacementTracker(readPackedBoxes(packBoxes([])));
    tracker.add(converted('a/IM1', []));
    expect(tracker.unmatched()).toEqual([]);
    expect(tracker.result().boxesAlreadyThere).toEqual([]);
  });
});
