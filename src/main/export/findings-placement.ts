import type { BoxRecord } from '../../shared/boxes/model';
import { alreadyDoneReason, existsReason } from '../convert/write-output';
import type { FileOutcome } from '../convert/outcome';

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

/** Collects, outcome by outcome, what FindingsPlacement reports; bounded by the number of box rows and series. */
export function createPlacementTracker(boxes: readonly BoxRecord[]): {
  add(outcome: FileOutcome): void;
  /** call after every outcome arrived; `unmatched` are the rows no outcome matched */
  result(unmatched: readonly string[]): FindingsPlacement;
} {
  const converted = new Set<string>();
  const existing = new Set<string>();
  const clipped = new Map<string, ClippedBox>();
  const misfits = new Map<string, PresetMisfit>();
  const unplacedLabels: UnplacedLabel[] = [];
  let unplacedLabelCount = 0;
  return {
    add(outcome) {
      if (outcome.status === 'converted') {
        for (const origin of outcome.matchedBoxOrigins) converted.add(origin);
        for (const w of outcome.warnings ?? []) {
          if (w.kind === 'label-unplaced') {
            unplacedLabelCount++;
            if (unplacedLabels.length < MAX_UNPLACED_LABELS) {
              const { kind: _kind, ...rest } = w;
              unplacedLabels.push({ ...rest, input: outcome.input });
            }
          } else if (w.kind === 'box-clipped') {
            if (!clipped.has(w.origin))
              clipped.set(w.origin, { origin: w.origin, text: w.text, outside: w.outside });
          } else {
            const seen = misfits.get(w.seriesInstanceUid);
            if (seen) seen.images++;
            else
              misfits.set(w.seriesInstanceUid, {
                seriesInstanceUid: w.seriesInstanceUid,
                text: w.text,
                images: 1,
              });
          }
        }
      } else if (
        outcome.status === 'skipped' &&
        (outcome.reason === existsReason || outcome.reason === alreadyDoneReason)
      ) {
        for (const origin of outcome.matchedBoxOrigins ?? []) existing.add(origin);
      }
    },
    result(unmatched) {
      const byOrigin = new Map(boxes.map((b) => [b.origin, b]));
      const unmatchedReasons: Record<string, string> = {};
      for (const origin of unmatched) {
        const box = byOrigin.get(origin);
        if (box) unmatchedReasons[origin] = targetText(box);
      }
      return {
        boxesAlreadyThere: [...existing].filter((o) => !converted.has(o)),
        clippedBoxes: [...clipped.values()],
        presetMisfits: [...misfits.values()],
        unplacedLabels,
        unplacedLabelCount,
        unmatchedReasons,
      };
    },
  };
}
