/**
 * The Multi-frame Functional Groups (PS3.3 C.7.6.16) and Multi-frame Dimension (C.7.6.17) of a
 * segmentation twin: per frame its source image (Derivation Image, C.7.6.16.2.6), its segment (Segment
 * Identification, C.8.20.3.1), its place (Plane Position, C.7.6.16.2.3) and its Dimension Index Values
 * (Frame Content, C.7.6.16.2.2); Plane Orientation and Pixel Measures shared when every frame has the
 * same. Frames of sources without a plane are indexed by their order in a stack. Pure.
 */
import { deriveUid } from '../dicom/uids';
import { formatDs } from '../dicom/write/decimal-string';
import type { DataElement } from '../dicom/write/element';
import { numberElement, sequenceElement, textElement } from '../dicom/write/element';
import type { Code } from './finding-codes';
import type { SegmentationFrame } from './segmentation-frames';
import type { TwinImage } from './types';

const SEGMENTATION: Code = { value: '113076', scheme: 'DCM', meaning: 'Segmentation' };
const SOURCE_FOR_PROCESSING: Code = {
  value: '121322',
  scheme: 'DCM',
  meaning: 'Source image for image processing operation',
};

const PLANE_POSITION = 0x00209113;
const PLANE_ORIENTATION = 0x00209116;
const PIXEL_MEASURES = 0x00289110;
const FRAME_CONTENT = 0x00209111;
const SEGMENT_IDENTIFICATION = 0x0062000a;
const IMAGE_POSITION = 0x00200032;
const IN_STACK_POSITION = 0x00209057;
const REFERENCED_SEGMENT_NUMBER = 0x0062000b;

export function codeItem(code: Code): DataElement[] {
  return [
    textElement(0x00080100, 'SH', code.value),
    textElement(0x00080102, 'SH', code.scheme),
    textElement(0x00080104, 'LO', code.meaning),
  ];
}

const ds = (values: readonly number[]): string => values.map(formatDs).join('\\');

function derivation(frame: SegmentationFrame): DataElement {
  const { image } = frame;
  const source: DataElement[] = [
    textElement(0x00081150, 'UI', image.sopClassUid),
    textElement(0x00081155, 'UI', image.sopInstanceUid),
    ...(image.frames > 1 ? [textElement(0x00081160, 'IS', String(frame.sourceFrame))] : []),
    sequenceElement(0x0040a170, [codeItem(SOURCE_FOR_PROCESSING)]),
  ];
  return sequenceElement(0x00089124, [
    [
      textElement(0x00082111, 'ST', 'Findings of the source image as a segmentation'),
      sequenceElement(0x00082112, [source]),
      sequenceElement(0x00089215, [codeItem(SEGMENTATION)]),
    ],
  ]);
}

/** Whether every frame's source has a plane: then the frames are placed in the patient. */
export function framesHavePlanes(frames: readonly SegmentationFrame[]): boolean {
  return frames.every((f) => f.image.plane !== undefined);
}

/**
 * 1-based index of each frame's place among the places of all frames, in slice order (`images`' order,
 * then source frame): its Image Position, or without planes its source image and frame.
 */
function placeIndex(
  frames: readonly SegmentationFrame[],
  images: readonly TwinImage[],
  placed: boolean,
): number[] {
  const slice = new Map(images.map((image, n) => [image.sopInstanceUid, n]));
  const keyOf = (f: SegmentationFrame): string =>
    placed ? ds(f.image.plane?.position ?? []) : `${f.image.sopInstanceUid}:${f.sourceFrame}`;
  const order = (f: SegmentationFrame): number =>
    (slice.get(f.image.sopInstanceUid) ?? 0) * 65536 + f.sourceFrame;
  const places = new Map<string, number>();
  for (const frame of frames) {
    const key = keyOf(frame);
    places.set(key, Math.min(places.get(key) ?? Infinity, order(frame)));
  }
  const ranked = [...places.entries()].sort((a, b) => a[1] - b[1]).map(([key]) => key);
  return frames.map((frame) => ranked.indexOf(keyOf(frame)) + 1);
}

function planeGroups(
  frame: SegmentationFrame,
): { orientation: DataElement; measures: DataElement } | undefined {
  const plane = frame.image.plane;
  if (!plane) return undefined;
  return {
    orientation: sequenceElement(PLANE_ORIENTATION, [[textElement(0x00200037, 'DS', ds(plane.orientation))]]),
    measures: sequenceElement(PIXEL_MEASURES, [
      [
        ...(plane.sliceThickness === undefined
          ? []
          : [textElement(0x00180050, 'DS', formatDs(plane.sliceThickness))]),
        textElement(0x00280030, 'DS', ds(plane.pixelSpacing)),
      ],
    ]),
  };
}

export interface FunctionalGroups {
  shared: DataElement;
  perFrame: DataElement;
  dimensions: DataElement[];
}

/**
 * The functional groups and dimensions of these frames of `images` (in slice order). `uidSeed`: the
 * instance's UID, from which the Dimension Organization UID is derived.
 */
export function segmentationGroups(
  frames: readonly SegmentationFrame[],
  images: readonly TwinImage[],
  uidSeed: string,
): FunctionalGroups {
  const placed = framesHavePlanes(frames);
  const places = placeIndex(frames, images, placed);
  const planes = frames.map(planeGroups);
  const same = (pick: (g: NonNullable<(typeof planes)[number]>) => DataElement): boolean =>
    placed &&
    planes.every(
      (g) => g !== undefined && JSON.stringify(pick(g)) === JSON.stringify(pick(planes[0] as never)),
    );
  const sharedOrientation = same((g) => g.orientation);
  const sharedMeasures = same((g) => g.measures);
  const perFrame = frames.map((frame, n) => {
    const plane = frame.image.plane;
    const groups = planes[n];
    const place = places[n] ?? 1;
    const content: DataElement[] = placed
      ? [numberElement(0x00209157, 'UL', frame.segment, place)]
      : [
          textElement(0x00209056, 'SH', '1'),
          numberElement(IN_STACK_POSITION, 'UL', place),
          numberElement(0x00209157, 'UL', frame.segment, place),
        ];
    return [
      derivation(frame),
      sequenceElement(FRAME_CONTENT, [content]),
      ...(placed && plane
        ? [sequenceElement(PLANE_POSITION, [[textElement(IMAGE_POSITION, 'DS', ds(plane.position))]])]
        : []),
      ...(groups && !sharedOrientation ? [groups.orientation] : []),
      ...(groups && !sharedMeasures ? [groups.measures] : []),
      sequenceElement(SEGMENT_IDENTIFICATION, [
        [numberElement(REFERENCED_SEGMENT_NUMBER, 'US', frame.segment)],
      ]),
    ].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
  });
  const first = planes[0];
  const shared = [
    ...(first && sharedOrientation ? [first.orientation] : []),
    ...(first && sharedMeasures ? [first.measures] : []),
  ].sort((a, b) => (a.tag >>> 0) - (b.tag >>> 0));
  const organization = deriveUid('dicom-ink:seg-dimensions', uidSeed);
  const index = (pointer: number, group: number, label: string): DataElement[] => [
    textElement(0x00209164, 'UI', organization),
    numberElement(0x00209165, 'AT', pointer),
    numberElement(0x00209167, 'AT', group),
    textElement(0x00209421, 'LO', label),
  ];
  return {
    shared: sequenceElement(0x52009229, [shared]),
    perFrame: sequenceElement(0x52009230, perFrame),
    // No Dimension Organization Type (Type 3): '3D' says one volume, and each segment is a stack of its own.
    dimensions: [
      sequenceElement(0x00209221, [[textElement(0x00209164, 'UI', organization)]]),
      sequenceElement(0x00209222, [
        index(REFERENCED_SEGMENT_NUMBER, SEGMENT_IDENTIFICATION, 'Segment'),
        placed
          ? index(IMAGE_POSITION, PLANE_POSITION, 'Image Position (Patient)')
          : index(IN_STACK_POSITION, FRAME_CONTENT, 'Source image'),
      ]),
    ],
  };
}
