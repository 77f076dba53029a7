/**
 * Segmentation twin (PS3.3 A.51, Segmentation IOD): the mask findings of one source series as a BINARY
 * Segmentation in the source's study and Frame of Reference, one segment per label (its name, colour as
 * CIELab, the algorithm, coded category and type), frames only where a segment is present, each placed
 * in the patient and pointing at its source image, so it stands without the sources. Pure: data in,
 * data elements out (no File Meta).
 */
import { toLongString } from '../../shared/dicom/long-string';
import { UNNAMED_ALGORITHM, type AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { rgbToDicomLab } from '../../shared/findings/rgb-to-cielab';
import { softwareDeviceUid } from '../dicom/write/contributing-equipment';
import type { DataElement } from '../dicom/write/element';
import { bytesElement, numberElement, sequenceElement, textElement } from '../dicom/write/element';
import { SOFTWARE_NAME } from '../dicom/write/implementation';
import {
  dicomDateTime,
  documentBase,
  inTagOrder,
  sourceTimezoneOffset,
  type TwinIdentity,
} from './document-base';
import { PRIVATE_SCHEME, privateSchemeIdentification } from './finding-codes';
import type { Segment } from './segments';
import { segmentsOf } from './segments';
import type { SegmentationFrame } from './segmentation-frames';
import { frameBits, packFrames, segmentationFrames } from './segmentation-frames';
import { codeItem, framesHavePlanes, segmentationGroups } from './segmentation-groups';
import type { TwinImage } from './types';

export const SEGMENTATION_STORAGE = '1.2.840.10008.5.1.4.1.1.66.4';

/** Content Description (0070,0081) of every segmentation DICOM Ink writes: how a rerun knows its own. */
export const SEGMENTATION_CONTENT_DESCRIPTION = `Findings drawn by ${SOFTWARE_NAME}`;

/** Segment Description (0062,0006): who found the segment's findings and the reader's verdict on them. */
export const SEGMENT_DESCRIPTIONS = {
  reader: 'Drawn by the reader',
  unreviewed: 'AI finding, not reviewed',
  accepted: 'AI finding, accepted by the reader',
  edited: 'AI finding, edited by the reader',
} as const;

/**
 * The reader's verdict a DICOM Ink segment's description gives (accepted or edited), so reading the
 * segmentation back keeps it; undefined for unreviewed findings, the reader's own and any other text.
 */
export function reviewOfSegment(description: string | undefined): 'accepted' | 'edited' | undefined {
  if (description === SEGMENT_DESCRIPTIONS.accepted) return 'accepted';
  if (description === SEGMENT_DESCRIPTIONS.edited) return 'edited';
  return undefined;
}

/**
 * Segment Sequence item (C.8.20.2, C.8.20.2.3): the algorithm's findings AUTOMATIC with its name (or
 * UNNAMED_ALGORITHM when the run names none: never MANUAL, which says a person drew them), those a
 * reader edited SEMIAUTOMATIC (the algorithm's, changed by a person), the findings the reader drew
 * MANUAL with no algorithm; the description says which, and the reader's verdict.
 */
function segmentItem(segment: Segment, run: AlgorithmIdentity | undefined): DataElement[] {
  const algorithm = segment.finder === 'reader' ? undefined : (run?.name ?? UNNAMED_ALGORITHM);
  const review = segment.review ?? 'unreviewed';
  const type = algorithm === undefined ? 'MANUAL' : review === 'edited' ? 'SEMIAUTOMATIC' : 'AUTOMATIC';
  const description = SEGMENT_DESCRIPTIONS[algorithm === undefined ? 'reader' : review];
  return [
    sequenceElement(0x00620003, [codeItem(segment.category)]),
    numberElement(0x00620004, 'US', segment.number),
    textElement(0x00620005, 'LO', toLongString(segment.label)),
    textElement(0x00620006, 'ST', description),
    textElement(0x00620008, 'CS', type),
    ...(algorithm === undefined ? [] : [textElement(0x00620009, 'LO', toLongString(algorithm))]),
    numberElement(0x0062000d, 'US', ...rgbToDicomLab(segment.color)),
    sequenceElement(0x0062000f, [codeItem(segment.type)]),
  ];
}

/** Whether any source frame has a pixel in two segments (Segments Overlap, C.8.20.2). */
function overlapping(frames: readonly SegmentationFrame[]): boolean {
  const bySource = new Map<string, SegmentationFrame[]>();
  for (const frame of frames) {
    const key = `${frame.image.sopInstanceUid}:${frame.sourceFrame}`;
    const group = bySource.get(key);
    if (group) group.push(frame);
    else bySource.set(key, [frame]);
  }
  for (const group of bySource.values()) {
    if (group.length < 2) continue;
    const seen = frameBits(group[0] as SegmentationFrame);
    for (const frame of group.slice(1)) {
      const bits = frameBits(frame);
      for (let i = 0; i < bits.length; i++) {
        if (bits[i] !== 1) continue;
        if (seen[i] === 1) return true;
        seen[i] = 1;
      }
    }
  }
  return false;
}

/** Common Instance Reference (C.12.2): every source image a frame is derived from, once. */
function referencedSeries(frames: readonly SegmentationFrame[]): DataElement {
  const images = [...new Map(frames.map((f) => [f.image.sopInstanceUid, f.image])).values()];
  const first = images[0] as TwinImage;
  return sequenceElement(0x00081115, [
    [
      sequenceElement(
        0x0008114a,
        images.map((i) => [
          textElement(0x00081150, 'UI', i.sopClassUid),
          textElement(0x00081155, 'UI', i.sopInstanceUid),
        ]),
      ),
      textElement(0x0020000e, 'UI', first.seriesInstanceUid),
    ],
  ]);
}

export interface SegmentationOptions {
  /** store boxes too, as filled rectangles (--seg-boxes) */
  boxes: boolean;
}

/** What a segmentation of these images holds: its segments and frames (none when nothing is stored). */
export function segmentationContent(
  images: readonly TwinImage[],
  options: SegmentationOptions,
): { segments: Segment[]; frames: SegmentationFrame[] } {
  const segments = segmentsOf(images, options.boxes);
  return { segments, frames: segmentationFrames(images, segments, options.boxes) };
}

/**
 * The segmentation's data elements: `images` are one source series' converted images of one size, in
 * slice order.
 */
export function buildSegmentation(
  images: readonly TwinImage[],
  identity: TwinIdentity,
  options: SegmentationOptions,
): DataElement[] {
  const { segments, frames } = segmentationContent(images, options);
  const first = frames[0]?.image;
  if (first === undefined) throw new RangeError('a segmentation needs at least one frame with a segment');
  const { rows, columns } = first;
  const { date, time } = dicomDateTime(identity.created, sourceTimezoneOffset(first));
  const groups = segmentationGroups(frames, images, identity.sopInstanceUid);
  const plane = framesHavePlanes(frames) ? first.plane : undefined;
  const pixels = packFrames(frames, rows * columns);
  return inTagOrder([
    ...documentBase(first, identity, 'SEG'),
    // Laterality and Body Part Examined where the source says them (an empty Laterality is refused here).
    ...first.generalSeries.filter((e) => !('text' in e) || e.text.trim() !== ''),
    // Enhanced General Equipment (C.7.5.2): DICOM Ink's device UID stands for a serial number.
    textElement(0x00181000, 'LO', softwareDeviceUid().slice(-16)),
    // Frame of Reference (C.7.4.1): the source's, when its images are placed in the patient.
    // Without one, General Image's Patient Orientation (Type 2C) is present and empty: not known here.
    ...(plane
      ? [textElement(0x00200052, 'UI', plane.frameOfReferenceUid), textElement(0x00201040, 'LO', '')]
      : [textElement(0x00200020, 'CS', '')]),
    // General Image (C.7.6.1) and Multi-frame Functional Groups (C.7.6.16)
    textElement(0x00200013, 'IS', '1'),
    textElement(0x00080023, 'DA', date),
    textElement(0x00080033, 'TM', time),
    textElement(0x00280008, 'IS', String(frames.length)),
    groups.shared,
    groups.perFrame,
    ...groups.dimensions,
    referencedSeries(frames),
    // Segmentation Image (C.8.20.2) with its Content Identification and Image Pixel (C.7.6.3)
    textElement(0x00080008, 'CS', 'DERIVED\\PRIMARY'),
    textElement(0x00700080, 'CS', 'FINDINGS'),
    textElement(0x00700081, 'LO', SEGMENTATION_CONTENT_DESCRIPTION),
    textElement(0x00700084, 'PN', ''),
    numberElement(0x00280002, 'US', 1),
    textElement(0x00280004, 'CS', 'MONOCHROME2'),
    numberElement(0x00280010, 'US', rows),
    numberElement(0x00280011, 'US', columns),
    numberElement(0x00280100, 'US', 1),
    numberElement(0x00280101, 'US', 1),
    numberElement(0x00280102, 'US', 0),
    numberElement(0x00280103, 'US', 0),
    textElement(0x00282110, 'CS', '00'),
    textElement(0x00620001, 'CS', 'BINARY'),
    sequenceElement(
      0x00620002,
      segments.map((s) => segmentItem(s, identity.algorithm)),
    ),
    textElement(0x00620013, 'CS', overlapping(frames) ? 'YES' : 'NO'),
    // SOP Common (C.12.1): the private scheme named where a segment's type is one of its codes.
    ...(segments.some((s) => s.type.scheme === PRIVATE_SCHEME) ? [privateSchemeIdentification()] : []),
    bytesElement(0x7fe00010, 'OB', pixels),
  ]);
}
