import { deriveUid } from '../dicom/uids';
import { EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntaxes';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import { encodePart10 } from '../dicom/write/part10';
import { FIELD_OF_VIEW_MM, LESION, SCAN_LENGTH_MM, anatomyAt, lesionSection } from './anatomy';
import { seededRandom, smoothNoise } from './noise';
import { ctDataset } from './ct-dataset';
import { paintHu, pixelRange, storedWords } from './render-slice';

export interface PhantomOptions {
  slices: number;
  /** rows = columns */
  size: number;
  /** noise seed; also part of the UIDs, so two seeds give two distinct studies (default 1) */
  seed?: number;
  /** 1-based instance numbers written in Implicit VR Little Endian (the rest are Explicit VR LE) */
  implicitVrInstances?: readonly number[];
}

export interface PhantomSlice {
  /** e.g. 'abdomen-ct/series-1/IM0001' (no extension: scanners find DICOM by content) */
  relativePath: string;
  bytes: Uint8Array;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  instanceNumber: number;
}

export interface PhantomUids {
  study: string;
  series: string;
  frameOfReference: string;
  instance(instanceNumber: number): string;
}

/** Deterministic UIDs of a phantom study (PS3.5 B.2), distinct per seed, size and slice count. */
export function phantomUids(options: PhantomOptions): PhantomUids {
  const key = `seed=${options.seed ?? 1};size=${options.size};slices=${options.slices}`;
  return {
    study: deriveUid('dicom-ink-phantom', key, 'study'),
    series: deriveUid('dicom-ink-phantom', key, 'series'),
    frameOfReference: deriveUid('dicom-ink-phantom', key, 'frame-of-reference'),
    instance: (n) => deriveUid('dicom-ink-phantom', key, 'instance', String(n)),
  };
}

/** Slice geometry: the phantom always spans SCAN_LENGTH_MM from superior (instance 1) down. */
export function sliceSpacing(slices: number): number {
  return SCAN_LENGTH_MM / slices;
}

function depthOf(index: number, slices: number): number {
  return (index + 0.5) * sliceSpacing(slices);
}

/**
 * A synthetic abdominal CT series (body, liver, spleen, kidneys with a lesion in the left one,
 * aorta, vena cava, spine; seeded smooth noise) as CT Image Storage files, one slice at a time so
 * a 200-slice 512x512 series never sits in memory whole.
 */
export function* generatePhantomSeries(options: PhantomOptions): Generator<PhantomSlice> {
  const { slices, size } = options;
  if (!Number.isInteger(slices) || slices < 1 || !Number.isInteger(size) || size < 16 || size > 4096) {
    throw new RangeError('the phantom needs at least 1 slice and a size of 16 to 4096 pixels');
  }
  const uids = phantomUids(options);
  const random = seededRandom(options.seed ?? 1);
  const implicit = new Set(options.implicitVrInstances ?? []);
  for (let index = 0; index < slices; index++) {
    const instanceNumber = index + 1;
    const u = depthOf(index, slices);
    const hu = paintHu(anatomyAt(u), size);
    const pixels = storedWords(hu, smoothNoise(size, 12, random));
    const sopInstanceUid = uids.instance(instanceNumber);
    const dataset = ctDataset({
      uids,
      sopInstanceUid,
      instanceNumber,
      size,
      pixelSpacing: FIELD_OF_VIEW_MM / size,
      sliceThickness: sliceSpacing(slices),
      // LPS z decreases going inferior; the top slice sits at z = 0.
      sliceLocation: -u,
      pixels,
      software: `${SOFTWARE_NAME} ${SOFTWARE_VERSION}`,
    });
    const syntax = implicit.has(instanceNumber) ? IMPLICIT_VR_LITTLE_ENDIAN : EXPLICIT_VR_LITTLE_ENDIAN;
    yield {
      relativePath: `abdomen-ct/series-1/IM${String(instanceNumber).padStart(4, '0')}`,
      bytes: encodePart10(dataset, syntax),
      sopInstanceUid,
      seriesInstanceUid: uids.series,
      instanceNumber,
    };
  }
}

export interface LesionBox {
  instanceNumber: number;
  sopInstanceUid: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where the kidney lesion is, slice by slice: its bounding box in pixels (0-based, inclusive) grown
 * by a small margin, on every slice where its section is at least 2 pixels across.
 */
export function phantomLesionBoxes(options: PhantomOptions, marginPixels = 3): LesionBox[] {
  const { slices, size } = options;
  const uids = phantomUids(options);
  const boxes: LesionBox[] = [];
  for (let index = 0; index < slices; index++) {
    const s = lesionSection(depthOf(index, slices));
    if (s === undefined || (2 * s.rx * size) / FIELD_OF_VIEW_MM < 2) continue;
    const [x1, x2] = pixelRange(s.cx, s.rx, size);
    const [y1, y2] = pixelRange(s.cy, s.ry, size);
    boxes.push({
      instanceNumber: index + 1,
      sopInstanceUid: uids.instance(index + 1),
      x1: Math.max(0, x1 - marginPixels),
      y1: Math.max(0, y1 - marginPixels),
      x2: Math.min(size - 1, x2 + marginPixels),
      y2: Math.min(size - 1, y2 + marginPixels),
    });
  }
  return boxes;
}

export { LESION };
