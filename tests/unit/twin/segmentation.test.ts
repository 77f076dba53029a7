import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { encodePart10 } from '../../../src/main/dicom/write/part10';
import { lineageOf } from '../../../src/main/versions/instance-lineage';
import type { MaskRegion } from '../../../src/shared/boxes/model';
import { textElement } from '../../../src/main/dicom/write/element';
import { buildSegmentation, SEGMENTATION_STORAGE } from '../../../src/main/twin/segmentation';
import type { SegmentationFrame } from '../../../src/main/twin/segmentation-frames';
import { frameBits, packFrames, segmentationFrames } from '../../../src/main/twin/segmentation-frames';
import { segmentsOf } from '../../../src/main/twin/segments';
import type { TwinFinding, TwinImage } from '../../../src/main/twin/types';
import { find, items, text, numbers, nested } from '../../helpers/data-elements';

const ORANGE = [230, 159, 0] as const;
const BLUE = [86, 180, 233] as const;

/** A region of `width` x `height` at (x, y), its pixels set where `on` says. */
function region(x: number, y: number, width: number, height: number, on: number[]): MaskRegion {
  const bits = new Uint8Array(width * height);
  for (const i of on) bits[i] = 1;
  return { x, y, width, height, bits };
}

function mask(label: string, color: readonly [number, number, number], r: MaskRegion): TwinFinding {
  return {
    frame: 1,
    x1: r.x,
    y1: r.y,
    x2: r.x + r.width - 1,
    y2: r.y + r.height - 1,
    label,
    color,
    region: r,
  };
}

function slice(n: number, findings: TwinFinding[], plane = true): TwinImage {
  return {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: `1.2.3.4.${n}`,
    seriesInstanceUid: '1.2.3.4',
    studyInstanceUid: '1.2.3',
    outputFolder: '/out/series',
    rows: 4,
    columns: 5,
    frames: 1,
    photometric: 'MONOCHROME2',
    modality: 'CT',
    instanceNumber: n,
    patientStudy: [textElement(0x00100010, 'PN', 'PHANTOM'), textElement(0x00100020, 'LO', 'P1')],
    generalSeries: [],
    findings,
    settingsKey: 'k',
    seriesKey: 's',
    ...(plane
      ? {
          plane: {
            frameOfReferenceUid: '1.2.3.9',
            position: [-20.3, -15.1, 30 + 2.5 * n],
            orientation: [1, 0, 0, 0, 1, 0],
            pixelSpacing: [0.8, 0.7],
            sliceThickness: 2.5,
          },
        }
      : {}),
  };
}

const identity = {
  sopClassUid: SEGMENTATION_STORAGE,
  sopInstanceUid: '2.25.10',
  seriesInstanceUid: '2.25.11',
  seriesNumber: 4001,
  seriesDescription: 'x',
  created: new Date(2026, 11, 1, 12, 0, 0),
};

/** Indexes of a frame's set pixels. */
function setPixels(frame: SegmentationFrame | undefined): number[] {
  return frame ? [...frameBits(frame)].flatMap((b, i) => (b ? [i] : [])) : [];
}

describe('segmentsOf', () => {
  it("numbers the segments in each frame's drawing order, even where a later label is seen first", () => {
    // slice 1 shows only label "b"; slice 2 draws "a" before "b" (mask label values 1, 2)
    const one = slice(1, [mask('b', BLUE, region(0, 0, 1, 1, [0]))]);
    const two = slice(2, [
      mask('a', ORANGE, region(0, 0, 1, 1, [0])),
      mask('b', BLUE, region(1, 1, 1, 1, [0])),
    ]);
    expect(segmentsOf([one, two], false).map((s) => [s.number, s.label])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('codes known labels in SNOMED CT and names others in the private scheme', () => {
    const [lesion, kidney] = segmentsOf(
      [
        slice(1, [
          mask('lesion', ORANGE, region(0, 0, 1, 1, [0])),
          mask('kidney', BLUE, region(1, 1, 1, 1, [0])),
        ]),
      ],
      false,
    );
    expect(lesion?.type).toEqual({ value: '52988006', scheme: 'SCT', meaning: 'Lesion' });
    expect(lesion?.category.value).toBe('49755003');
    expect(kidney?.type.scheme).toBe('99DICOMINK');
    expect(kidney?.type.meaning).toBe('kidney');
    expect(kidney?.category).toEqual({ value: '404684003', scheme: 'SCT', meaning: 'Clinical finding' });
  });
});

describe('segmentationFrames', () => {
  const box: TwinFinding = { frame: 1, x1: 1, y1: 1, x2: 3, y2: 2, label: 'box', color: [255, 0, 0] };
  const images = [
    slice(1, [mask('a', ORANGE, region(1, 1, 2, 2, [0, 3]))]),
    slice(2, [box]),
    slice(3, [{ ...mask('a', ORANGE, region(0, 0, 1, 1, [0])), review: 'rejected' }]),
  ];

  it('has frames only where a segment has pixels: a rejected finding and a box without --seg-boxes give none', () => {
    const segments = segmentsOf(images, false);
    const frames = segmentationFrames(images, segments, false);
    expect(frames.map((f) => [f.segment, f.image.instanceNumber])).toEqual([[1, 1]]);
    // the region's own pixels, placed at its offset: (1,1) and (2,2)
    expect(setPixels(frames[0])).toEqual([6, 12]);
  });

  it("keeps the reader's boxes in a MANUAL segment of their own, the algorithm's in an AUTOMATIC one", () => {
    const drawn: TwinFinding = { ...box, x1: 0, y1: 0, x2: 0, y2: 0, finder: 'reader' };
    const mixed = [slice(1, [box, drawn])];
    const segments = segmentsOf(mixed, true);
    expect(segments.map((s) => [s.number, s.label, s.finder])).toEqual([
      [1, 'box', undefined],
      [2, 'box', 'reader'],
    ]);
    const frames = segmentationFrames(mixed, segments, true);
    expect(frames.map((f) => [f.segment, setPixels(f)])).toEqual([
      [1, [6, 7, 8, 11, 12, 13]],
      [2, [0]],
    ]);
    const seg = buildSegmentation(mixed, { ...identity, algorithm: { name: 'KidneyNet' } }, { boxes: true });
    const described = items(find(seg, 0x00620002)).map((item) => [
      numbers(item, 0x00620004)?.[0],
      text(item, 0x00620008),
      text(item, 0x00620009),
    ]);
    expect(described).toEqual([
      [1, 'AUTOMATIC', 'KidneyNet'],
      [2, 'MANUAL', undefined],
    ]);
  });

  it("splits the algorithm's findings by the reader's verdict, each segment saying it; an edited one SEMIAUTOMATIC", () => {
    const at = (x: number): TwinFinding => ({ ...box, x1: x, y1: 0, x2: x, y2: 0 });
    const reviewed = [
      slice(1, [
        at(0),
        { ...at(1), review: 'accepted' },
        { ...at(2), review: 'edited' },
        { ...at(3), review: 'rejected' },
        { ...at(4), finder: 'reader', review: 'accepted' },
      ]),
    ];
    const segments = segmentsOf(reviewed, true);
    expect(segments.map((s) => [s.number, s.finder, s.review])).toEqual([
      [1, undefined, 'unreviewed'],
      [2, undefined, 'accepted'],
      [3, undefined, 'edited'],
      [4, 'reader', undefined],
    ]);
    // each segment holds its own finding's pixel (column 0, 1, 2 and 4 of row 0); the rejected one none
    const frames = segmentationFrames(reviewed, segments, true);
    expect(frames.map((f) => [f.segment, setPixels(f)])).toEqual([
      [1, [0]],
      [2, [1]],
      [3, [2]],
      [4, [4]],
    ]);
    const seg = buildSegmentation(
      reviewed,
      { ...identity, algorithm: { name: 'KidneyNet' } },
      { boxes: true },
    );
    const described = items(find(seg, 0x00620002)).map((item) => [
      text(item, 0x00620006),
      text(item, 0x00620008),
    ]);
    expect(described).toEqual([
      ['AI finding, not reviewed', 'AUTOMATIC'],
      ['AI finding, accepted by the reader', 'AUTOMATIC'],
      ['AI finding, edited by the reader', 'SEMIAUTOMATIC'],
      ['Drawn by the reader', 'MANUAL'],
    ]);
  });

  it('with --seg-boxes stores a box as its filled rectangle on its slice', () => {
    const segments = segmentsOf(images, true);
    const frames = segmentationFrames(images, segments, true);
    const boxFrame = frames.find((f) => f.image.instanceNumber === 2);
    expect(boxFrame?.segment).toBe(2);
    expect(setPixels(boxFrame)).toEqual([6, 7, 8, 11, 12, 13]);
  });
});

describe('packFrames', () => {
  it('packs one bit a pixel across frame boundaries, the first pixel in the lowest bit (PS3.5 8.1.1)', () => {
    // two frames of 2 x 5 pixels: pixels 0 and 9 of the first, 0 and 1 of the second
    const two = (n: number, on: number[]): TwinImage => ({
      ...slice(n, [mask('a', ORANGE, region(0, 0, 5, 2, on))]),
      rows: 2,
      columns: 5,
    });
    const images = [two(1, [0, 9]), two(2, [0, 1])];
    const frames = segmentationFrames(images, segmentsOf(images, false), false);
    // bits 0, 9, 10, 11 of 20: bytes 0x01, 0x0e, 0x00, padded to an even length
    expect([...packFrames(frames, 10)]).toEqual([0x01, 0x0e, 0x00, 0x00]);
  });
});

describe('buildSegmentation', () => {
  const images = [
    slice(1, [mask('kidney', ORANGE, region(0, 0, 2, 1, [0, 1]))]),
    slice(2, []),
    slice(3, [
      mask('kidney', ORANGE, region(1, 1, 1, 1, [0])),
      mask('tumour', BLUE, region(1, 1, 1, 1, [0])),
    ]),
  ];
  const seg = buildSegmentation(
    images,
    { ...identity, algorithm: { name: 'KidneyNet', version: '2.1' } },
    {
      boxes: false,
    },
  );
  const perFrame = items(find(seg, 0x52009230));

  it("places each frame at its source slice's Image Position and references that slice", () => {
    expect(text(seg, 0x00280008)).toBe('3');
    expect(perFrame.map((f) => text(nested(f, 0x00209113), 0x00200032))).toEqual([
      '-20.3\\-15.1\\32.5',
      '-20.3\\-15.1\\37.5',
      '-20.3\\-15.1\\37.5',
    ]);
    expect(perFrame.map((f) => text(nested(f, 0x00089124, 0x00082112), 0x00081155))).toEqual([
      '1.2.3.4.1',
      '1.2.3.4.3',
      '1.2.3.4.3',
    ]);
    expect(text(seg, 0x00200052)).toBe('1.2.3.9');
  });

  it('indexes frames by segment and by place in slice order; orientation and spacing are shared', () => {
    expect(perFrame.map((f) => numbers(nested(f, 0x00209111), 0x00209157))).toEqual([
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
    const shared = nested(seg, 0x52009229);
    expect(text(nested(shared, 0x00209116), 0x00200037)).toBe('1\\0\\0\\0\\1\\0');
    expect(text(nested(shared, 0x00289110), 0x00280030)).toBe('0.8\\0.7');
    expect(text(nested(shared, 0x00289110), 0x00180050)).toBe('2.5');
  });

  it('names the algorithm in each segment, colours it in CIELab and says the segments overlap', () => {
    const segments = items(find(seg, 0x00620002));
    expect(segments.map((s) => [text(s, 0x00620005), text(s, 0x00620008), text(s, 0x00620009)])).toEqual([
      ['kidney', 'AUTOMATIC', 'KidneyNet'],
      ['tumour', 'AUTOMATIC', 'KidneyNet'],
    ]);
    expect(numbers(segments[0] ?? [], 0x0062000d)).toEqual([46275, 37131, 52088]);
    expect(text(seg, 0x00620013)).toBe('YES');
    // kidney and tumour are codes of the private scheme: SOP Common names it
    expect(text(nested(seg, 0x00080110), 0x00080102)).toBe('99DICOMINK');
    expect(items(find(seg, 0x0018a001))).toHaveLength(2);
  });

  it("without an algorithm named the algorithm's segments stay AUTOMATIC, named 'unnamed algorithm', never MANUAL", () => {
    const unnamed = buildSegmentation(images, identity, { boxes: false });
    const segments = items(find(unnamed, 0x00620002));
    expect(segments.map((s) => [text(s, 0x00620008), text(s, 0x00620009)])).toEqual([
      ['AUTOMATIC', 'unnamed algorithm'],
      ['AUTOMATIC', 'unnamed algorithm'],
    ]);
  });

  it('without source planes has no Frame of Reference or positions, an empty Patient Orientation, and indexes frames as a stack', () => {
    const flat = images.map((i) => slice(i.instanceNumber ?? 0, i.findings, false));
    const plain = buildSegmentation(flat, identity, { boxes: false });
    expect(find(plain, 0x00200052)).toBeUndefined();
    expect(text(plain, 0x00200020)).toBe('');
    const frames = items(find(plain, 0x52009230));
    expect(frames.every((f) => find(f, 0x00209113) === undefined)).toBe(true);
    expect(frames.map((f) => numbers(nested(f, 0x00209111), 0x00209057))).toEqual([[1], [2], [2]]);
  });

  it('names its source series as the version rules read it (instance-lineage.ts: supersede withdraws it)', () => {
    const bytes = encodePart10(seg, EXPLICIT_VR_LITTLE_ENDIAN);
    const lineage = lineageOf(parseDicom(Buffer.from(bytes)));
    expect(lineage?.sopClassUid).toBe(SEGMENTATION_STORAGE);
    expect(lineage?.seriesInstanceUid).toBe('2.25.11');
    expect(lineage?.sources).toEqual(['1.2.3.4']);
  });
});
