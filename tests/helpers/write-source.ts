/**
 * A SecondaryCaptureSource read with dicom-parser, for the writer's tests: the header fields the
 * builder uses plus getString over the file's text attributes (as DicomImage provides them).
 */
import { readFileSync } from 'node:fs';
import { parseDicom } from 'dicom-parser';
import type { SecondaryCaptureSource } from '../../src/main/dicom/write/secondary-capture';

function numbers(text: string | undefined): number[] | undefined {
  return text === undefined ? undefined : text.split('\\').map(Number);
}

export function loadWriteSource(path: string): SecondaryCaptureSource {
  const data = parseDicom(new Uint8Array(readFileSync(path)), { untilTag: 'x7fe00010' });
  const text = (tag: string): string | undefined =>
    data.elements[`x${tag}`] ? data.string(`x${tag}`) : undefined;
  return {
    getString: (tag) => {
      const value = text(tag.toLowerCase());
      return value === undefined ? undefined : value.trim();
    },
    header: {
      sopClassUid: text('00080016') ?? '',
      sopInstanceUid: text('00080018') ?? '',
      studyInstanceUid: text('0020000d') ?? '',
      seriesInstanceUid: text('0020000e') ?? '',
      transferSyntaxUid: text('00020010') ?? '',
      modality: text('00080060'),
      seriesNumber: data.intString('x00200011'),
      seriesDescription: text('0008103e'),
      instanceNumber: data.intString('x00200013'),
      imagePositionPatient: numbers(text('00200032')),
      pixelSpacing: numbers(text('00280030')),
      pixel: {
        rows: data.uint16('x00280010') ?? 0,
        columns: data.uint16('x00280011') ?? 0,
        samplesPerPixel: data.uint16('x00280002') ?? 1,
        bitsAllocated: data.uint16('x00280100') ?? 16,
        bitsStored: data.uint16('x00280101') ?? 16,
        highBit: data.uint16('x00280102') ?? 15,
        pixelRepresentation: data.uint16('x00280103') === 1 ? 1 : 0,
        photometric: text('00280004') ?? 'MONOCHROME2',
        planarConfiguration: 0,
        numberOfFrames: data.intString('x00280008') ?? 1,
      },
      modalityTransform: { kind: 'rescale', slope: 1, intercept: 0 },
      windows: [],
    },
  };
}

/** Deterministic RGB test frames: each byte a function of its index and the frame number. */
export function syntheticFrames(rows: number, columns: number, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, f) => {
    const frame = new Uint8Array(rows * columns * 3);
    for (let i = 0; i < frame.length; i++) frame[i] = (i * 7 + f * 31 + (i >> 9)) & 0xff;
    return frame;
  });
}
