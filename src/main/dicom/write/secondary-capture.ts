import { longStringEndingWith } from '../../../shared/dicom/long-string';
import type { ImageHeader } from '../../../shared/dicom/image-header';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../transfer-syntaxes';
import { deriveUid } from '../uids';
import { versionedSeriesNumber } from '../../versions/series-version';
import type { SourceText } from './copy-source';
import { copySourceAttributes, sanitizeText, sourceValues, tagKey } from './copy-source';
import type { DataElement } from './element';
import { bytesElement, numberElement, sequenceElement, textElement } from './element';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from './implementation';
import type { AlgorithmIdentity } from '../../../shared/findings/algorithm-identity';
import { describeAlgorithm } from '../../../shared/findings/algorithm-identity';
import { contributingEquipment } from './contributing-equipment';
import { lossyHistory } from './lossy-history';
import { encodePart10, encodePart10Header, MAX_DEFINED_LENGTH, type OutputBuffer } from './part10';

export const SECONDARY_CAPTURE_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.7';
export const MULTIFRAME_TRUE_COLOR_SC_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.7.4';

/** What the builder reads of the source: DicomImage satisfies it. */
export interface SecondaryCaptureSource extends SourceText {
  header: ImageHeader;
}

/** What describes the output, whatever way its frames are written. */
export interface SecondaryCaptureDescription {
  source: SecondaryCaptureSource;
  /** canonical text of this image's export settings (window, boxes, drawing options): new text, new SOP Instance UID */
  settingsKey: string;
  /**
   * canonical text of the settings shared by every image of the series (window request, drawing
   * options), from which the Series Instance UID is derived: one new series per source series.
   */
  seriesKey: string;
  /** Derivation Description (0008,2111): how the image was made, e.g. window and box count */
  derivationDescription: string;
  /** appended inside the brackets of the Series Description, e.g. 'W400/L50, boxes' */
  seriesDescriptionSuffix?: string;
  /** the algorithm that found the findings: named in the Series Description and Contributing Equipment */
  algorithm?: AlgorithmIdentity;
  /** which version of the derived series this is (series-version.ts): numbers it apart from the others */
  versionOrdinal?: number;
}

export interface SecondaryCaptureInput extends SecondaryCaptureDescription {
  /** RGB, pixel-interleaved, rows * columns * 3 bytes each (the source's rows and columns) */
  frames: readonly Uint8Array[];
  /** where to encode the file (default: a new Buffer); `bytes` is then that buffer */
  output?: OutputBuffer;
}

export interface SecondaryCaptureIdentity {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  sopClassUid: string;
}

export interface SecondaryCapture extends SecondaryCaptureIdentity {
  bytes: Uint8Array;
}

/** The file up to its Pixel Data value; the caller writes `frameCount` RGB frames after it. */
export interface SecondaryCaptureHeader extends SecondaryCaptureIdentity {
  header: Uint8Array;
  /** bytes of the RGB frames together: rows * columns * 3 * frames */
  pixelBytes: number;
  /** 1 when pixelBytes is odd: one zero byte then ends the value (PS3.5 7.1.1) */
  padding: number;
}

/**
 * The most frames an output lists: the Page Number Vector (0018,2001) is IS text with a 16-bit length
 * (PS3.5 7.1.2), and 12,000 page numbers take 60,893 of its 65,534 bytes.
 */
export const MAX_OUTPUT_FRAMES = 12000;

/** The most RGB Pixel Data an uncompressed file can hold: its length field has 32 bits (PS3.5 7.1.1). */
export const MAX_RGB_PIXEL_BYTES = MAX_DEFINED_LENGTH;

/** LO (64 chars): '<source description> [DICOM Ink RGB <suffix>]', the source part shortened to fit. */
function seriesDescription(source: string | undefined, suffix: string | undefined): string {
  return longStringEndingWith(source, `[${SOFTWARE_NAME} RGB${suffix ? ` ${suffix}` : ''}]`);
}

/** 'W400/L50, AI KidneyNet 2.1': the drawing suffix, then the algorithm when the run names one. */
function suffixOf(input: SecondaryCaptureDescription): string | undefined {
  const parts = [
    input.seriesDescriptionSuffix,
    input.algorithm === undefined ? undefined : `AI ${describeAlgorithm(input.algorithm)}`,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * IS: the source's number + 1000 keeps the derived series next to, and distinct from, its source; each
 * further version adds 10000 (versionedSeriesNumber).
 */
function seriesNumber(source: number | undefined, ordinal: number): string {
  if (source === undefined || !Number.isInteger(source)) return String(versionedSeriesNumber(1000, ordinal));
  const shifted = source + 1000;
  return String(shifted <= 2147483647 ? versionedSeriesNumber(shifted, ordinal) : source);
}

/**
 * First date/time pair the source has, so the output is the same bytes on every run: the Content
 * Date/Time and, with the same values, the SC Image Module's Date/Time of Secondary Capture (PS3.3
 * C.8.6.2). Not the clock: a rerun (or a resumed or sharded run) writes the same bytes. Both are in
 * the source's time zone, which its copied Timezone Offset From UTC (0008,0201) declares.
 */
function contentDateTime(source: SourceText): DataElement[] {
  const pairs: [number, number][] = [
    [0x00080023, 0x00080033], // Content
    [0x00080022, 0x00080032], // Acquisition
    [0x00080021, 0x00080031], // Series
    [0x00080020, 0x00080030], // Study
  ];
  for (const [dateTag, timeTag] of pairs) {
    const date = source.getString(tagKey(dateTag));
    if (date === undefined || date === '') continue;
    const time = source.getString(tagKey(timeTag)) ?? '';
    const day = sanitizeText('DA', date);
    const moment = sanitizeText('TM', time);
    return [
      textElement(0x00080023, 'DA', day),
      textElement(0x00080033, 'TM', moment),
      textElement(0x00181012, 'DA', day),
      ...(moment === '' ? [] : [textElement(0x00181014, 'TM', moment)]),
    ];
  }
  return [];
}

/**
 * The source's Series Description (as the header holds it: one character per byte unless UTF-8) as
 * characters, whatever the source's character set.
 */
export function describedAs(source: SecondaryCaptureSource): string | undefined {
  const read = source.header.seriesDescription;
  return read === undefined ? undefined : sourceValues(source).decode(read, 'LO');
}

/** Source identity with stand-ins derived from the header when a UID is missing (never empty UIDs). */
function sourceUids(header: ImageHeader): { sop: string; series: string; study: string } {
  const study = header.studyInstanceUid || deriveUid('study', header.patientId ?? '', header.studyDate ?? '');
  const series =
    header.seriesInstanceUid ||
    deriveUid('series', study, String(header.seriesNumber ?? ''), header.seriesDescription ?? '');
  const sop = header.sopInstanceUid || deriveUid('instance', series, JSON.stringify(header));
  return { sop, series, study };
}

/** SourceImageSequence item (PS3.3 C.7.6.1, Table 10-3) with purpose (DCM 121322, CID 7202). */
function sourceImageSequence(header: ImageHeader, sopInstanceUid: string): DataElement {
  const purpose = [
    textElement(0x00080100, 'SH', '121322'),
    textElement(0x00080102, 'SH', 'DCM'),
    textElement(0x00080104, 'LO', 'Source image for image processing operation'),
  ];
  return sequenceElement(0x00082112, [
    [
      textElement(0x00081150, 'UI', header.sopClassUid),
      textElement(0x00081155, 'UI', sopInstanceUid),
      sequenceElement(0x0040a170, [purpose]),
    ],
  ]);
}

/**
 * Related Series Sequence (General Series, PS3.3 C.7.3.1, Type 3): the source series this one was made
 * from. Every version of a derived series names it, so a later version knows which delivered instances
 * were its earlier versions (versions/instance-lineage.ts). Purpose of Reference is Type 2, left empty.
 */
function relatedSeriesSequence(study: string, series: string): DataElement {
  return sequenceElement(0x00081250, [
    [
      textElement(0x0020000d, 'UI', study),
      textElement(0x0020000e, 'UI', series),
      sequenceElement(0x0040a170, []),
    ],
  ]);
}

/**
 * Multi-frame Module (PS3.3 C.7.6.6) as the SC Multi-frame Image Module (C.8.6.3) constrains it:
 * frames are pages, so Frame Increment Pointer names Page Number Vector (C.8.6.4).
 */
function multiFrameModule(count: number): DataElement[] {
  const pages = Array.from({ length: count }, (_, i) => String(i + 1)).join('\\');
  return [
    textElement(0x00280008, 'IS', String(count)),
    numberElement(0x00280009, 'AT', 0x00182001),
    textElement(0x00182001, 'IS', pages),
  ];
}

interface Dataset extends SecondaryCaptureIdentity {
  elements: DataElement[];
}

/** Every element of the output but Pixel Data (see buildSecondaryCapture for what they say). */
function secondaryCaptureDataset(input: SecondaryCaptureDescription, frameCount: number): Dataset {
  const { header } = input.source;
  const { rows, columns } = header.pixel;
  const multiFrame = frameCount > 1;
  const sopClassUid = multiFrame ? MULTIFRAME_TRUE_COLOR_SC_IMAGE_STORAGE : SECONDARY_CAPTURE_IMAGE_STORAGE;
  const uids = sourceUids(header);
  const sopInstanceUid = deriveUid('dicom-ink:sop', uids.sop, input.settingsKey);
  const seriesInstanceUid = deriveUid('dicom-ink:series', uids.series, input.seriesKey);
  const copied = copySourceAttributes(input.source);

  const elements = new Map<number, DataElement>();
  const put = (list: readonly DataElement[]): void => list.forEach((e) => elements.set(e.tag, e));
  put(copied.elements);
  put(lossyHistory(header.transferSyntaxUid, copied.elements));
  if (copied.characterSet !== undefined) put([textElement(0x00080005, 'CS', copied.characterSet)]);
  put(contentDateTime(input.source));
  put([
    // SOP Common (C.12.1) and identity
    textElement(0x00080016, 'UI', sopClassUid),
    textElement(0x00080018, 'UI', sopInstanceUid),
    textElement(0x0020000d, 'UI', uids.study),
    // General Series (C.7.3.1): a new series that says what it is
    textElement(0x00080060, 'CS', sanitizeText('CS', header.modality || 'OT')),
    textElement(0x0020000e, 'UI', seriesInstanceUid),
    textElement(0x00200011, 'IS', seriesNumber(header.seriesNumber, input.versionOrdinal ?? 1)),
    // the source's description as characters (the header holds it as read, one character per byte)
    textElement(0x0008103e, 'LO', seriesDescription(describedAs(input.source), suffixOf(input))),
    relatedSeriesSequence(uids.study, uids.series),
    // SC Equipment (C.8.6.1): WSD = workstation
    textElement(0x00080064, 'CS', 'WSD'),
    textElement(0x00181016, 'LO', SOFTWARE_NAME),
    textElement(0x00181018, 'LO', SOFTWARE_NAME),
    textElement(0x00181019, 'LO', SOFTWARE_VERSION),
    // General Image (C.7.6.1)
    textElement(0x00200013, 'IS', sanitizeText('IS', input.source.getString(tagKey(0x00200013)) ?? '')),
    textElement(0x00080008, 'CS', 'DERIVED\\SECONDARY'),
    textElement(0x00082111, 'ST', sanitizeText('ST', input.derivationDescription)),
    sourceImageSequence(header, uids.sop),
    textElement(0x00280301, 'CS', 'YES'),
    // Image Pixel (C.7.6.3): 8-bit RGB, pixel-interleaved
    numberElement(0x00280002, 'US', 3),
    textElement(0x00280004, 'CS', 'RGB'),
    numberElement(0x00280006, 'US', 0),
    numberElement(0x00280010, 'US', rows),
    numberElement(0x00280011, 'US', columns),
    numberElement(0x00280100, 'US', 8),
    numberElement(0x00280101, 'US', 8),
    numberElement(0x00280102, 'US', 7),
    numberElement(0x00280103, 'US', 0),
  ]);
  if (multiFrame) put(multiFrameModule(frameCount));
  if (input.algorithm !== undefined) put([contributingEquipment(input.algorithm)]);
  return {
    elements: [...elements.values()],
    sopInstanceUid,
    seriesInstanceUid,
    sopClassUid,
  };
}

/**
 * Builds an RGB Secondary Capture of `source` (PS3.3 A.8.1 SC Image, or A.8.5 Multi-frame True Color
 * SC for several frames) in Explicit VR Little Endian. Same patient and study as the source; a new
 * series per source series and a new instance per image, with UIDs derived from the source UIDs and
 * the settings (the same input and settings give byte-identical output: no clock is read).
 * Throws a RangeError when the frames do not match the source's geometry (a caller bug).
 */
export function buildSecondaryCapture(input: SecondaryCaptureInput): SecondaryCapture {
  const { rows, columns } = input.source.header.pixel;
  const frameBytes = rows * columns * 3;
  if (input.frames.length === 0) throw new RangeError('no frames to write');
  input.frames.forEach((frame, i) => {
    if (frame.length !== frameBytes) {
      throw new RangeError(
        `frame ${i + 1} has ${frame.length} bytes; ${rows}x${columns} RGB needs ${frameBytes}`,
      );
    }
  });
  const { elements, ...identity } = secondaryCaptureDataset(input, input.frames.length);
  elements.push(bytesElement(0x7fe00010, 'OB', ...input.frames));
  const bytes = encodePart10(elements, EXPLICIT_VR_LITTLE_ENDIAN, input.output);
  return { bytes, ...identity };
}

/**
 * The same file as buildSecondaryCapture, for `frameCount` frames written afterwards one at a time:
 * everything up to the Pixel Data value, whose length (rows * columns * 3 * frames) is known in
 * advance, so no frame has to be held until the end. Throws a RangeError when the RGB frames would
 * not fit the 32-bit length of uncompressed Pixel Data (the caller checks MAX_RGB_PIXEL_BYTES first).
 */
export function buildSecondaryCaptureHeader(
  input: SecondaryCaptureDescription,
  frameCount: number,
): SecondaryCaptureHeader {
  if (!Number.isInteger(frameCount) || frameCount < 1) throw new RangeError('no frames to write');
  const { rows, columns } = input.source.header.pixel;
  const pixelBytes = rows * columns * 3 * frameCount;
  const { elements, ...identity } = secondaryCaptureDataset(input, frameCount);
  const header = encodePart10Header(elements, EXPLICIT_VR_LITTLE_ENDIAN, {
    vr: 'OB',
    length: pixelBytes,
  });
  return { header, pixelBytes, padding: pixelBytes % 2, ...identity };
}
