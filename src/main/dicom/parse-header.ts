import type { DataSet } from 'dicom-parser';
import type {
  ImageHeader,
  ModalityTransform,
  PaletteColorLut,
  PixelFormat,
  VoiFunction,
  VoiWindow,
} from '../../shared/dicom/image-header';
import {
  firstItem,
  numberValue,
  numberValues,
  presentElement,
  stringValue,
  stringValues,
  textDecoding,
  uint16Value,
} from './dataset-values';
import { failure } from './errors';
import { isLutProblem, readLookupTable } from './lookup-tables';
import { readSegmentedTable } from './segmented-palette';
import type { ReadFailure } from './types';

/** Largest decoded frame accepted (guards against absurd dimensions in corrupt headers). */
const MAX_FRAME_BYTES = 1 << 30;

/**
 * Where an attribute of an enhanced multi-frame object lives: the Shared Functional Groups Sequence
 * (5200,9229) or, failing that, the first item of the Per-frame Functional Groups Sequence (5200,9230),
 * inside the named functional group macro (PS3.3 C.7.6.16). The header describes the image as a whole,
 * so the first frame's values stand for it.
 */
function functionalGroup(ds: DataSet, macroTag: string): DataSet | undefined {
  for (const groups of ['52009229', '52009230']) {
    const item = firstItem(ds, groups);
    const macro = item ? firstItem(item, macroTag) : undefined;
    if (macro) return macro;
  }
  return undefined;
}

/** The dataset that holds an attribute: the top level when present there, else the functional group. */
function holder(ds: DataSet, tag: string, macroTag: string): DataSet {
  if (presentElement(ds, tag)) return ds;
  return functionalGroup(ds, macroTag) ?? ds;
}

/** The pixel format attributes (PS3.3 C.7.6.3), or why they cannot be converted. */
export function readPixelFormat(ds: DataSet): PixelFormat | string {
  const rows = uint16Value(ds, '00280010') ?? 0;
  const columns = uint16Value(ds, '00280011') ?? 0;
  const bitsAllocated = uint16Value(ds, '00280100') ?? 0;
  if (![1, 8, 16, 32].includes(bitsAllocated))
    return `Bits Allocated ${bitsAllocated} is not supported (1, 8, 16 or 32)`;
  const samplesPerPixel = uint16Value(ds, '00280002') ?? 1;
  if (samplesPerPixel !== 1 && samplesPerPixel !== 3)
    return `Samples per Pixel ${samplesPerPixel} is not supported (1 or 3)`;
  const bitsStored = uint16Value(ds, '00280101') ?? bitsAllocated;
  if (bitsStored < 1 || bitsStored > bitsAllocated)
    return `Bits Stored ${bitsStored} does not fit in Bits Allocated ${bitsAllocated}`;
  const highBit = uint16Value(ds, '00280102') ?? bitsStored - 1;
  const frames = numberValue(ds, '00280008') ?? 1;
  if (!Number.isInteger(frames) || frames < 1) return `Number of Frames ${frames} is not a positive integer`;
  const bytesPerFrame = (rows * columns * samplesPerPixel * Math.max(bitsAllocated, 8)) / 8;
  if (bytesPerFrame > MAX_FRAME_BYTES)
    return `a ${columns}x${rows} frame of ${samplesPerPixel} samples is too large`;
  return {
    rows,
    columns,
    samplesPerPixel,
    bitsAllocated,
    bitsStored,
    highBit,
    pixelRepresentation: uint16Value(ds, '00280103') === 1 ? 1 : 0,
    // ACR-NEMA files without Photometric Interpretation are grayscale (PS3.3 C.7.6.3.1.2).
    photometric: stringValue(ds, '00280004') ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2'),
    planarConfiguration: uint16Value(ds, '00280006') === 1 ? 1 : 0,
    numberOfFrames: frames,
  };
}

/** Modality transform (PS3.3 C.11.1): a Modality LUT Sequence item wins over Rescale Slope/Intercept. */
function readModalityTransform(ds: DataSet, signed: boolean): ModalityTransform | string {
  const lutItem = firstItem(ds, '00283000');
  if (lutItem) {
    const lut = readLookupTable(lutItem, '00283002', '00283006', signed);
    if (isLutProblem(lut)) return `Modality LUT Sequence: ${lut.problem}`;
    if (lut) return { kind: 'lut', lut };
  }
  const source = holder(ds, '00281053', '00289145');
  const slope = numberValue(source, '00281053') ?? 1;
  const intercept = numberValue(source, '00281052') ?? 0;
  return { kind: 'rescale', slope: slope === 0 ? 1 : slope, intercept };
}

function voiFunction(value: string | undefined): VoiFunction {
  return value === 'LINEAR_EXACT' || value === 'SIGMOID' ? value : 'LINEAR';
}

/**
 * Every Window Center/Width pair (PS3.3 C.11.2.1.2), in file order, with the VOI LUT Function
 * (C.11.2.1.3, LINEAR when absent) and explanation. Pairs with a non-positive width are invalid and
 * dropped; enhanced objects keep them in the Frame VOI LUT functional group (C.7.6.16.2.10).
 */
function readWindows(ds: DataSet): VoiWindow[] {
  const source = holder(ds, '00281050', '00289132');
  const centers = numberValues(source, '00281050') ?? [];
  const widths = numberValues(source, '00281051') ?? [];
  // Explanations are shown and written again (derivation, Softcopy VOI LUT): as characters, in the
  // character set the file declares, not one character per byte.
  const explanations = stringValues(source, '00281055', textDecoding(ds));
  const fn = voiFunction(stringValue(source, '00281056'));
  const windows: VoiWindow[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    const center = centers[i] as number;
    const width = widths[i] as number;
    if (width <= 0) continue;
    const explanation = explanations[i];
    windows.push(explanation ? { center, width, fn, explanation } : { center, width, fn });
  }
  return windows;
}

/** Palette Color LUTs (PS3.3 C.7.6.3.1.5), or their segmented form (C.7.9.2) when that is what the file has. */
function readPalette(ds: DataSet, signed: boolean): PaletteColorLut | string {
  const segmented = presentElement(ds, '00281221') !== undefined;
  const colours = ['1', '2', '3'].map((c) =>
    segmented
      ? readSegmentedTable(ds, `0028110${c}`, `0028122${c}`, signed)
      : readLookupTable(ds, `0028110${c}`, `0028120${c}`, signed),
  );
  const [red, green, blue] = colours;
  for (const lut of colours) {
    if (isLutProblem(lut)) return `Palette Color LUT: ${lut.problem}`;
  }
  if (!red || !green || !blue || isLutProblem(red) || isLutProblem(green) || isLutProblem(blue)) {
    return 'PALETTE COLOR image without its Palette Color Lookup Tables';
  }
  return { red, green, blue };
}

function optionalNumber(ds: DataSet, tag: string): number | undefined {
  return numberValue(ds, tag);
}

export interface HeaderContext {
  transferSyntaxUid: string;
  /** the transfer syntax was inferred from the dataset's encoding (no (0002,0010) in the File Meta) */
  transferSyntaxInferred?: boolean;
  /** decode strings as UTF-8 (Specific Character Set ISO_IR 192) */
  utf8: boolean;
}

/**
 * Why a dataset with Pixel Data still holds no usable image, or undefined when it may: without Rows and
 * Columns (Type 1 in the Image Pixel Module, PS3.3 C.7.6.3) the pixel bytes have no size. DCMTK reads
 * such files too; they are skipped like other non-images, not failed.
 */
function unusableImage(ds: DataSet): ReadFailure | undefined {
  const rows = uint16Value(ds, '00280010') ?? 0;
  const columns = uint16Value(ds, '00280011') ?? 0;
  if (rows > 0 && columns > 0) return undefined;
  const length = ds.elements.x7fe00010?.length ?? 0;
  const bytes = length === 0xffffffff ? 'encapsulated' : `${length}-byte`;
  const missing = [rows > 0 ? '' : 'Rows', columns > 0 ? '' : 'Columns'].filter(Boolean).join(' and ');
  return failure(
    'not-image',
    `no usable image: the ${bytes} Pixel Data has no ${missing} (missing or zero) to give it a size; skipped`,
  );
}

/** Builds the ImageHeader of an image dataset, or an 'error' failure naming the bad attribute. */
export function parseHeader(ds: DataSet, context: HeaderContext): ImageHeader | ReadFailure {
  const unusable = unusableImage(ds);
  if (unusable) return unusable;
  const pixel = readPixelFormat(ds);
  if (typeof pixel === 'string') return failure('error', `${pixel}: the image header is invalid`);
  const signed = pixel.pixelRepresentation === 1;
  const modalityTransform = readModalityTransform(ds, signed);
  if (typeof modalityTransform === 'string') return failure('error', modalityTransform);
  const header: ImageHeader = {
    sopClassUid: stringValue(ds, '00080016') ?? stringValue(ds, '00020002') ?? '',
    sopInstanceUid: stringValue(ds, '00080018') ?? stringValue(ds, '00020003') ?? '',
    studyInstanceUid: stringValue(ds, '0020000d') ?? '',
    seriesInstanceUid: stringValue(ds, '0020000e') ?? '',
    transferSyntaxUid: context.transferSyntaxUid,
    transferSyntaxInferred: context.transferSyntaxInferred,
    modality: stringValue(ds, '00080060'),
    patientName: stringValue(ds, '00100010', context.utf8),
    patientId: stringValue(ds, '00100020', context.utf8),
    studyDate: stringValue(ds, '00080020'),
    studyDescription: stringValue(ds, '00081030', context.utf8),
    seriesNumber: optionalNumber(ds, '00200011'),
    seriesDescription: stringValue(ds, '0008103e', context.utf8),
    instanceNumber: optionalNumber(ds, '00200013'),
    imagePositionPatient: numberValues(holder(ds, '00200032', '00209113'), '00200032'),
    imageOrientationPatient: numberValues(holder(ds, '00200037', '00209116'), '00200037'),
    pixelSpacing: numberValues(holder(ds, '00280030', '00289110'), '00280030'),
    sliceLocation: optionalNumber(ds, '00201041'),
    sliceThickness: optionalNumber(holder(ds, '00180050', '00289110'), '00180050'),
    pixel,
    modalityTransform,
    windows: readWindows(ds),
  };
  const voiItem = firstItem(ds, '00283010');
  if (voiItem) {
    const voiLut = readLookupTable(voiItem, '00283002', '00283006', signed);
    if (isLutProblem(voiLut)) return failure('error', `VOI LUT Sequence: ${voiLut.problem}`);
    if (voiLut) header.voiLut = voiLut;
  }
  if (pixel.photometric === 'PALETTE COLOR') {
    const palette = readPalette(ds, signed);
    if (typeof palette === 'string') return failure('error', palette);
    header.palette = palette;
  }
  return dropUndefined(header);
}

/** Optional fields that are absent are left out (plain data that compares and serialises cleanly). */
function dropUndefined(header: ImageHeader): ImageHeader {
  // A loop over the keys in their order (3-4x faster than fromEntries over a filtered entries list).
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(header)) {
    const value = (header as unknown as Record<string, unknown>)[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept as unknown as ImageHeader;
}
