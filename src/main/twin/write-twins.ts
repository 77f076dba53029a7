/**
 * Writes the twins of a conversion once its images are written: one Grayscale Softcopy Presentation
 * State and one Segmentation per source series with findings (beside that series' burned-in copies),
 * one Comprehensive SR and one Key Object Selection per study with findings (in the folder that holds
 * all of that study's copies). Same writer path as
 * the images: deterministic UIDs, Part 10 Explicit VR Little Endian, atomic write, read-back check.
 */
import { dirname, join, relative, sep } from 'node:path';
import { prepareOutputFolder } from '../convert/output-folder';
import { writeAtomically } from '../convert/write-output';
import { deriveUid } from '../dicom/uids';
import type { DataElement } from '../dicom/write/element';
import { encodePart10 } from '../dicom/write/part10';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntaxes';
import { twinSeriesDescription, twinSeriesNumber, type TwinIdentity } from './document-base';
import { buildPresentationState, GRAYSCALE_SOFTCOPY_PRESENTATION_STATE_STORAGE } from './presentation-state';
import { buildStructuredReport, COMPREHENSIVE_SR_STORAGE } from './structured-report';
import type { TwinChoice, TwinImage, TwinKind } from './types';
import { twinKinds } from './types';
import { verifyWrittenTwin } from './verify-twin';
import { isEarlierTwin, twinAlreadyWrittenReason } from './twin-rerun';
import { isShown } from '../../shared/review/review-state';
import type { Reviewer } from './review-content';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { buildKeyImages } from './key-images';
import { KEY_OBJECT_SELECTION_STORAGE } from './key-object-selection';
import { buildSegmentation, SEGMENTATION_STORAGE, segmentationContent } from './segmentation';
import { segmentFindings } from './segments';
import { describeVersion, versionedSeriesNumber } from '../versions/series-version';

export type { TwinKind } from './types';

/** How one twin ended: written (verified), skipped (already there) or failed, with the reason. */
export type TwinOutcome =
  | {
      status: 'written';
      kind: TwinKind;
      output: string;
      sopInstanceUid: string;
      findings: number;
      images: number;
      /** the source files of the images it references (media pack them with it) */
      originals: string[];
    }
  | { status: 'skipped'; kind: TwinKind; output: string; reason: string; originals: string[] }
  | { status: 'failed'; kind: TwinKind; output: string; reason: string };

export interface TwinWriteOptions {
  choice: TwinChoice;
  /** real path of the output root: every twin's folder must resolve inside it */
  outputRoot: string;
  overwrite: boolean;
  verify: boolean;
  /** when the twins are made (their creation date and time) */
  created?: Date;
  /** who reviewed the findings (--reviewer, the app's Settings): the report's observer and verifier */
  reviewer?: Reviewer;
  /** the algorithm that found the findings: every twin names it (Contributing Equipment, SR observer) */
  algorithm?: AlgorithmIdentity;
  /** the segmentation stores boxes too, as filled rectangles (--seg-boxes); else only mask findings */
  segBoxes?: boolean;
}

/** Images in slice order (Instance Number), then by SOP Instance UID: the same order on every run. */
function inSliceOrder(images: readonly TwinImage[]): TwinImage[] {
  return [...images].sort(
    (a, b) =>
      (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0) || a.sopInstanceUid.localeCompare(b.sopInstanceUid),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/** Every image and its export settings: any change gives the twin a new SOP Instance UID. */
function contentKey(images: readonly TwinImage[]): string {
  return images.map((i) => `${i.sopInstanceUid}:${i.settingsKey}`).join('|');
}

function ordinalOf(image: TwinImage): number {
  return image.version?.ordinal ?? 1;
}

/** 'findings overlay v2 3F9A2C, 5 findings': the twin series says which version it belongs to. */
function versioned(what: string, image: TwinImage): string {
  return image.version ? `${what} ${describeVersion(image.version)}` : what;
}

/** The deepest folder holding every one of these folders. */
function commonFolder(folders: readonly string[]): string {
  const parts = folders.map((f) => f.split(sep));
  const first = parts[0] ?? [];
  let length = first.length;
  for (const other of parts) {
    let i = 0;
    while (i < length && other[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join(sep) || sep;
}

/**
 * Last 16 digits of a UID: a short, stable file name part. Twins are named after what they cover (source
 * series, study), not after their own UID, so a version written over an earlier one (--overwrite)
 * replaces its twins rather than leaving them beside it.
 */
function uidTail(uid: string): string {
  return uid.replace(/\./g, '').slice(-16);
}

interface PlannedTwin {
  kind: TwinKind;
  folder: string;
  name: string;
  sopClassUid: string;
  identity: TwinIdentity;
  images: TwinImage[];
  build: (identity: TwinIdentity) => DataElement[];
}

/** The images with only the findings a presentation state draws: a rejected finding is never drawn. */
function withShownFindings(images: readonly TwinImage[]): TwinImage[] {
  return images.map((image) =>
    image.findings.every(isShown) ? image : { ...image, findings: image.findings.filter(isShown) },
  );
}

/** What one presentation state covers: a source series' images sharing a modality transform and photometric. */
function groupKey(image: TwinImage): string {
  const rescale = image.rescale ? `${image.rescale.slope}/${image.rescale.intercept}` : 'lut';
  return [image.seriesInstanceUid, rescale, image.photometric].join(' ');
}

/** One presentation state per source series (and modality transform / photometric) with findings. */
function plannedPresentationStates(all: readonly TwinImage[], created: Date): PlannedTwin[] {
  const images = withShownFindings(all);
  const groups = groupBy(images, groupKey);
  return groups
    .filter((group) => group.some((i) => i.findings.length > 0))
    .map((unsorted) => {
      const group = inSliceOrder(unsorted);
      const first = group[0] as TwinImage;
      const withFindings = group.find((i) => i.findings.length > 0) as TwinImage;
      const sopInstanceUid = deriveUid('dicom-ink:pr', first.seriesInstanceUid, contentKey(group));
      return {
        kind: 'gsps',
        folder: withFindings.outputFolder,
        name: `presentation-state-${uidTail(deriveUid('dicom-ink:pr-name', groupKey(first)))}.dcm`,
        sopClassUid: GRAYSCALE_SOFTCOPY_PRESENTATION_STATE_STORAGE,
        identity: {
          sopClassUid: GRAYSCALE_SOFTCOPY_PRESENTATION_STATE_STORAGE,
          sopInstanceUid,
          seriesInstanceUid: deriveUid('dicom-ink:pr-series', first.seriesInstanceUid, first.seriesKey),
          seriesNumber: versionedSeriesNumber(twinSeriesNumber(first.seriesNumber, 2000), ordinalOf(first)),
          seriesDescription: twinSeriesDescription(
            first.seriesDescription,
            versioned('findings overlay', first),
          ),
          created,
        },
        images: group,
        build: (identity) => buildPresentationState(group, identity),
      };
    });
}

/** One report per study with findings. */
function plannedReports(
  images: readonly TwinImage[],
  created: Date,
  reviewer: Reviewer | undefined,
): PlannedTwin[] {
  const withFindings = images.filter((i) => i.findings.length > 0);
  return groupBy(withFindings, (i) => i.studyInstanceUid).map((unsorted) => {
    const group = [...unsorted].sort(
      (a, b) =>
        a.seriesInstanceUid.localeCompare(b.seriesInstanceUid) ||
        (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0) ||
        a.sopInstanceUid.localeCompare(b.sopInstanceUid),
    );
    const first = group[0] as TwinImage;
    // The reviewer is part of what the report says (observer, verification): another reader, another report.
    const byReviewer = reviewer ? `|reviewer:${reviewer.name}^${reviewer.organisation ?? ''}` : '';
    const sopInstanceUid = deriveUid('dicom-ink:sr', first.studyInstanceUid, contentKey(group) + byReviewer);
    return {
      kind: 'sr',
      folder: commonFolder(group.map((i) => i.outputFolder)),
      name: `report-${uidTail(deriveUid('dicom-ink:sr-name', first.studyInstanceUid))}.dcm`,
      sopClassUid: COMPREHENSIVE_SR_STORAGE,
      identity: {
        sopClassUid: COMPREHENSIVE_SR_STORAGE,
        sopInstanceUid,
        seriesInstanceUid: deriveUid('dicom-ink:sr-series', first.studyInstanceUid, first.seriesKey),
        seriesNumber: versionedSeriesNumber(3000, ordinalOf(first)),
        seriesDescription: twinSeriesDescription(undefined, versioned('findings report', first)),
        created,
      },
      images: group,
      build: (identity) => buildStructuredReport(group, identity, reviewer),
    };
  });
}

/** Slice order along the images' normal when every one is placed in the patient, else inSliceOrder. */
function inPlaneOrder(images: readonly TwinImage[]): TwinImage[] {
  const ordered = inSliceOrder(images);
  const orientation = ordered[0]?.plane?.orientation;
  if (orientation === undefined || !ordered.every((i) => i.plane !== undefined)) return ordered;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = orientation;
  const normal = [b * f - c * e, c * d - a * f, a * e - b * d];
  const along = (image: TwinImage): number =>
    (image.plane?.position ?? []).reduce((sum, v, i) => sum + v * (normal[i] ?? 0), 0);
  return ordered.sort((x, y) => along(x) - along(y));
}

/** One segmentation per source series (and image size) whose findings it can store (segmentation.ts). */
function plannedSegmentations(all: readonly TwinImage[], created: Date, boxes: boolean): PlannedTwin[] {
  const images = all.map((image) => ({ ...image, findings: segmentFindings(image, boxes) }));
  const key = (image: TwinImage): string => `${image.seriesInstanceUid} ${image.rows}x${image.columns}`;
  // Only the images it has frames of: those are what it references (and what media pack with it).
  return groupBy(images, key)
    .map((unsorted) => {
      const { frames } = segmentationContent(unsorted, { boxes });
      const framed = new Set(frames.map((f) => f.image.sopInstanceUid));
      return unsorted.filter((i) => framed.has(i.sopInstanceUid));
    })
    .filter((group) => group.length > 0)
    .map((unsorted) => {
      const group = inPlaneOrder(unsorted);
      const first = group[0] as TwinImage;
      const content = contentKey(group) + (boxes ? '|boxes' : '');
      const sopInstanceUid = deriveUid('dicom-ink:seg', first.seriesInstanceUid, content);
      return {
        kind: 'seg' as const,
        folder: first.outputFolder,
        name: `segmentation-${uidTail(deriveUid('dicom-ink:seg-name', key(first)))}.dcm`,
        sopClassUid: SEGMENTATION_STORAGE,
        identity: {
          sopClassUid: SEGMENTATION_STORAGE,
          sopInstanceUid,
          seriesInstanceUid: deriveUid('dicom-ink:seg-series', first.seriesInstanceUid, first.seriesKey),
          seriesNumber: versionedSeriesNumber(twinSeriesNumber(first.seriesNumber, 4000), ordinalOf(first)),
          seriesDescription: twinSeriesDescription(first.seriesDescription, versioned('segmentation', first)),
          created,
        },
        images: group,
        build: (identity: TwinIdentity) => buildSegmentation(group, identity, { boxes }),
      };
    });
}

/** The source files of a twin's images, once each. */
function originalsOf(images: readonly TwinImage[]): string[] {
  return [...new Set(images.flatMap((i) => (i.sourcePath === undefined ? [] : [i.sourcePath])))];
}

/** One key object selection per study with findings, listing its copies with findings (key-images.ts). */
function plannedKeyImages(images: readonly TwinImage[], created: Date): PlannedTwin[] {
  // A copy carries only the findings not rejected in review: those are the ones a key image shows.
  const withCopies = withShownFindings(images).filter((i) => i.findings.length > 0 && i.copy !== undefined);
  return groupBy(withCopies, (i) => i.studyInstanceUid).map((unsorted) => {
    const group = [...unsorted].sort(
      (a, b) =>
        a.seriesInstanceUid.localeCompare(b.seriesInstanceUid) ||
        (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0) ||
        a.sopInstanceUid.localeCompare(b.sopInstanceUid),
    );
    const first = group[0] as TwinImage;
    const sopInstanceUid = deriveUid('dicom-ink:ko', first.studyInstanceUid, contentKey(group));
    return {
      kind: 'kos',
      folder: commonFolder(group.map((i) => i.outputFolder)),
      name: `key-images-${uidTail(deriveUid('dicom-ink:ko-name', first.studyInstanceUid))}.dcm`,
      sopClassUid: KEY_OBJECT_SELECTION_STORAGE,
      identity: {
        sopClassUid: KEY_OBJECT_SELECTION_STORAGE,
        sopInstanceUid,
        seriesInstanceUid: deriveUid('dicom-ink:ko-series', first.studyInstanceUid, first.seriesKey),
        seriesNumber: versionedSeriesNumber(3100, ordinalOf(first)),
        seriesDescription: twinSeriesDescription(undefined, versioned('key images', first)),
        created,
      },
      images: group,
      build: (identity) => buildKeyImages(group, identity),
    };
  });
}

function writePlanned(planned: PlannedTwin, options: TwinWriteOptions): TwinOutcome {
  const output = join(planned.folder, planned.name);
  const { kind } = planned;
  const originals = originalsOf(planned.images);
  try {
    const folder = prepareOutputFolder(dirname(output), options.outputRoot);
    if (!folder.ok) return { status: 'failed', kind, output, reason: folder.reason };
    const bytes = encodePart10(planned.build(planned.identity), EXPLICIT_VR_LITTLE_ENDIAN);
    const expected = {
      bytes,
      sopClassUid: planned.sopClassUid,
      sopInstanceUid: planned.identity.sopInstanceUid,
    };
    const result = writeAtomically(output, (sink) => sink.write(bytes), {
      overwrite: options.overwrite,
      verify: options.verify ? (file) => verifyWrittenTwin(file, expected) : undefined,
    });
    if (!result.ok) {
      if (!result.exists) return { status: 'failed', kind, output, reason: result.reason };
      const reason = isEarlierTwin(output, bytes) ? twinAlreadyWrittenReason : result.reason;
      return { status: 'skipped', kind, output, reason, originals };
    }
    const findings = planned.images.reduce((n, i) => n + i.findings.length, 0);
    return {
      status: 'written',
      kind,
      output,
      sopInstanceUid: planned.identity.sopInstanceUid,
      findings,
      images: planned.images.length,
      originals,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'failed', kind, output, reason: `could not build it: ${reason}` };
  }
}

/** Writes the chosen twins of these converted images; never throws. */
export function writeTwins(images: readonly TwinImage[], options: TwinWriteOptions): TwinOutcome[] {
  const kinds = twinKinds(options.choice);
  if (kinds.size === 0 || images.length === 0) return [];
  const created = options.created ?? new Date();
  const planned = [
    ...(kinds.has('gsps') ? plannedPresentationStates(images, created) : []),
    ...(kinds.has('sr') ? plannedReports(images, created, options.reviewer) : []),
    ...(kinds.has('seg') ? plannedSegmentations(images, created, options.segBoxes ?? false) : []),
    ...(kinds.has('kos') ? plannedKeyImages(images, created) : []),
  ];
  const { algorithm } = options;
  return planned
    .map((p) => (algorithm === undefined ? p : { ...p, identity: { ...p.identity, algorithm } }))
    .map((p) => writePlanned(p, options));
}

/**
 * Why `--twin seg` wrote no segmentation although the images have findings (they are all boxes, which a
 * segmentation stores only with --seg-boxes), or undefined.
 */
export function segmentationNotWrittenNote(
  images: readonly TwinImage[],
  options: Pick<TwinWriteOptions, 'choice' | 'segBoxes'>,
): string | undefined {
  if (!twinKinds(options.choice).has('seg') || options.segBoxes === true) return undefined;
  const shown = images.some((i) => i.findings.some(isShown));
  const masks = images.some((i) => segmentFindings(i, false).length > 0);
  if (!shown || masks) return undefined;
  return 'No segmentation written: the findings are boxes, and a segmentation stores mask findings (NIfTI, SEG) only; add --seg-boxes to store each box as a filled rectangle on its slice';
}

/** The twin's path relative to the output root, for messages. */
export function twinName(outcome: TwinOutcome, outputRoot: string): string {
  return relative(outputRoot, outcome.output);
}
