import type { BoxRecord, BoxTarget } from '../../shared/boxes/model';
import { compareCodeUnits } from '../../shared/text/code-unit-order';
import type { PackedBoxReader } from '../../shared/boxes/packed-boxes';
import { alreadyDoneReason, existsReason } from '../convert/write-output';
import type { FileOutcome } from '../convert/outcome';
import type { LabelWithoutGlyphs } from './label-glyphs';
import type { RowShare } from './row-share';

/** A CT preset that did not fit a series, said once per series. */
export interface PresetMisfit {
  seriesInstanceUid: string;
  text: string;
  images: number;
}

/** A box that reaches past its image: drawn clipped, or not drawn at all when wholly outside. */
export interface ClippedBox {
  origin: string;
  text: string;
  outside: boolean;
}

/** A box drawn without its label: the label fit nowhere without covering another finding. */
export interface UnplacedLabel {
  origin: string;
  /** the input file */
  input: string;
  frame: number;
  label: string;
  text: string;
}

/** The most unplaced labels listed (the summary and report stay bounded); `unplacedLabelCount` is exact. */
export const MAX_UNPLACED_LABELS = 1000;

/** Where the findings of a run went, beyond "drawn": what the summary and the exit code report. */
export interface FindingsPlacement {
  /** rows whose image was skipped because its output already exists (matched, already there) */
  boxesAlreadyThere: string[];
  clippedBoxes: ClippedBox[];
  presetMisfits: PresetMisfit[];
  /** boxes drawn without their label (at most MAX_UNPLACED_LABELS listed) */
  unplacedLabels: UnplacedLabel[];
  unplacedLabelCount: number;
  /** origin -> why the row matched no input image and frame */
  unmatchedReasons: Record<string, string>;
  /**
   * a sharded run: rows no image of this share matched whose image may lie in another share (named by
   * UID, or under a folder of an --inputs-from list); every shard lists them, so a row every shard
   * lists matched no image. Absent when not sharded.
   */
  notInShare?: string[];
  /** a sharded run: rows naming files of other shares (they report them), not matched here */
  ofOtherShares?: number;
  /** labels drawn (with --labels) with characters the label font lacks, as hollow boxes */
  labelsWithoutGlyphs?: LabelWithoutGlyphs[];
}

function targetText(box: BoxRecord): string {
  const t = box.target;
  const frame = box.frame > 1 ? ` (or that image has no frame ${box.frame})` : '';
  switch (t.kind) {
    case 'sop':
      return `no input image has SOP Instance UID ${t.sopInstanceUid}${frame}`;
    case 'file':
      return `no input file is ${t.file}${frame}`;
    case 'series-instance':
      return `no input image of series ${t.seriesInstanceUid} has instance number ${t.instanceNumber}${frame}`;
  }
}

/** Unplaced labels by input file, frame, row and label. */
function compareUnplaced(a: UnplacedLabel, b: UnplacedLabel): number {
  return (
    compareCodeUnits(a.input, b.input) ||
    a.frame - b.frame ||
    compareCodeUnits(a.origin, b.origin) ||
    compareCodeUnits(a.label, b.label) ||
    compareCodeUnits(a.text, b.text)
  );
}

/** The first `limit` unplaced labels in compareUnplaced's order (sorts `labels` in place). */
function firstUnplaced(labels: UnplacedLabel[], limit: number): UnplacedLabel[] {
  labels.sort(compareUnplaced);
  if (labels.length > limit) labels.length = limit;
  return labels;
}

/** A warning kept per origin or series, with the input it came from: the first input in order wins. */
interface FromInput<T> {
  value: T;
  input: string;
}

/** Keeps `value` under `key` unless a warning of an input earlier in order is kept there already. */
function keepEarliest<T>(map: Map<string, FromInput<T>>, key: string, value: T, input: string): void {
  const kept = map.get(key);
  if (kept === undefined || compareCodeUnits(input, kept.input) < 0) map.set(key, { value, input });
}

/** Flags kept per row (one byte each): what the outcomes said about its origin. */
const MATCHED = 1;
const CONVERTED = 2;
const EXISTING = 4;

/** What the run learns about the rows, outcome by outcome, and what it reports at the end. */
export interface PlacementTracker {
  add(outcome: FileOutcome): void;
  /** origins of the rows no outcome matched (in row order): call after every outcome arrived */
  unmatched(): string[];
  /** call after every outcome arrived */
  result(): FindingsPlacement;
}

/**
 * Collects, outcome by outcome, what FindingsPlacement reports; bounded by the number of box rows and
 * series. Rows are followed by their origin, as outcomes name them (rows sharing an origin share its
 * fate), in a byte per row: the rows themselves stay packed in the shared memory the workers read.
 * The lists do not depend on the order the outcomes arrive in (workers finish in any order), so two
 * runs over the same inputs report alike: rows in box-file order, series by UID, unplaced labels by
 * input file and frame, and a warning said by several images in the words of the first input by path.
 */
export function createPlacementTracker(
  boxes: PackedBoxReader,
  /** a sharded run: which shard answers for a row this one did not match (row-share.ts) */
  shareOf?: (target: BoxTarget) => RowShare,
): PlacementTracker {
  const flags = new Uint8Array(boxes.count);
  /** the first row of each origin seen on an existing output */
  const existing: number[] = [];
  const clipped = new Map<string, FromInput<ClippedBox>>();
  const misfits = new Map<string, FromInput<PresetMisfit>>();
  /** images per series with a misfit */
  const misfitImages = new Map<string, number>();
  /** the first MAX_UNPLACED_LABELS in order, and up to as many more not yet sorted out */
  let unplacedLabels: UnplacedLabel[] = [];
  let unplacedLabelCount = 0;
  /** Sets `flag` on every row with this origin; its first row when the origin did not have it yet. */
  const mark = (rows: readonly number[], flag: number): number | undefined => {
    const first = rows[0];
    if (first === undefined || ((flags[first] ?? 0) & flag) !== 0) return undefined;
    for (const row of rows) flags[row] = (flags[row] ?? 0) | flag;
    return first;
  };
  /**
   * Rows no outcome matched, by who answers for them (all 'mine' when the run is not sharded): worked
   * out once for unmatched() and result(), again only if an outcome arrives in between.
   */
  let byShare: Record<RowShare, number[]> | undefined;
  const unmatchedRows = (): Record<RowShare, number[]> => {
    if (byShare) return byShare;
    const rows: Record<RowShare, number[]> = { mine: [], elsewhere: [], unknown: [] };
    for (let row = 0; row < boxes.count; row++) {
      if (((flags[row] ?? 0) & MATCHED) !== 0) continue;
      rows[shareOf ? shareOf(boxes.target(row).target) : 'mine'].push(row);
    }
    byShare = rows;
    return rows;
  };
  return {
    add(outcome) {
      byShare = undefined;
      // An output an earlier run finished that equals this run's, byte for byte: its rows are drawn in it.
      const drawn =
        outcome.status === 'converted' ||
        (outcome.status === 'skipped' && outcome.reason === alreadyDoneReason);
      const exists = outcome.status === 'skipped' && outcome.reason === existsReason;
      for (const origin of outcome.matchedBoxOrigins ?? []) {
        const rows = boxes.rowsWithOrigin(origin);
        mark(rows, MATCHED);
        if (drawn) mark(rows, CONVERTED);
        else if (exists) {
          const first = mark(rows, EXISTING);
          if (first !== undefined) existing.push(first);
        }
      }
      if (outcome.status !== 'converted') return;
      for (const w of outcome.warnings ?? []) {
        if (w.kind === 'label-unplaced') {
          unplacedLabelCount++;
          const { kind: _kind, ...rest } = w;
          unplacedLabels.push({ ...rest, input: outcome.input });
          if (unplacedLabels.length >= 2 * MAX_UNPLACED_LABELS)
            unplacedLabels = firstUnplaced(unplacedLabels, MAX_UNPLACED_LABELS);
        } else if (w.kind === 'box-clipped') {
          const box = { origin: w.origin, text: w.text, outside: w.outside };
          keepEarliest(clipped, w.origin, box, outcome.input);
        } else {
          const series = w.seriesInstanceUid;
          misfitImages.set(series, (misfitImages.get(series) ?? 0) + 1);
          keepEarliest(
            misfits,
            series,
            { seriesInstanceUid: series, text: w.text, images: 0 },
            outcome.input,
          );
        }
      }
    },
    unmatched: () => unmatchedRows().mine.map((row) => boxes.origin(row)),
    result() {
      const rows = unmatchedRows();
      // Rows sharing an origin share their flags, so the last row of an origin gives its reason.
      const unmatchedReasons: Record<string, string> = {};
      for (const row of rows.mine) {
        const box = boxes.record(row);
        unmatchedReasons[box.origin] = targetText(box);
      }
      const sharded = shareOf
        ? {
            notInShare: [...new Set(rows.unknown.map((row) => boxes.origin(row)))],
            ofOtherShares: rows.elsewhere.length,
          }
        : {};
      return {
        ...sharded,
        boxesAlreadyThere: [...existing]
          .sort((a, b) => a - b)
          .filter((row) => ((flags[row] ?? 0) & CONVERTED) === 0)
          .map((row) => boxes.origin(row)),
        clippedBoxes: [...clipped.values()]
          .map(({ value }) => ({ value, row: boxes.rowsWithOrigin(value.origin)[0] ?? boxes.count }))
          .sort((a, b) => a.row - b.row || compareCodeUnits(a.value.origin, b.value.origin))
          .map(({ value }) => value),
        presetMisfits: [...misfits.values()]
          .map(({ value }) => ({ ...value, images: misfitImages.get(value.seriesInstanceUid) ?? 0 }))
          .sort((a, b) => compareCodeUnits(a.seriesInstanceUid, b.seriesInstanceUid)),
        unplacedLabels: firstUnplaced([...unplacedLabels], MAX_UNPLACED_LABELS),
        unplacedLabelCount,
        unmatchedReasons,
      };
    },
  };
}
