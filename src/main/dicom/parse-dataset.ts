import { inflateRawSync } from 'node:zlib';
import { parseDicom, readPart10Header, type DataSet, type ParseDicomOptions } from 'dicom-parser';
import { defineCp246Lengths } from './cp246';
import { detectLayout, type DicomLayout } from './detect';
import { describeThrown, failure } from './errors';
import { fileMetaEnd, inferTransferSyntax, withTransferSyntaxElement } from './infer-transfer-syntax';
import { EXPLICIT_VR_BIG_ENDIAN, transferSyntaxInfo } from './transfer-syntaxes';
import type { ReadFailure } from './types';

export const PIXEL_DATA_TAG = 'x7fe00010';

/** A dataset parsed by dicom-parser, with the transfer syntax that governs it. */
export interface ParsedDataset {
  dataSet: DataSet;
  transferSyntaxUid: string;
  /** set when parsing stopped early on an error after some elements were read */
  parseError?: string;
  /** bytes added in front of the file (a synthetic preamble): element offsets are this much larger */
  offsetShift: number;
  /** the transfer syntax was worked out from the dataset's encoding, not read from the File Meta */
  transferSyntaxInferred?: true;
}

export interface ParseOptions {
  /** stop at the Pixel Data element header (a folder scan reads only the header) */
  untilPixelData: boolean;
}

const DICM = new Uint8Array([0x44, 0x49, 0x43, 0x4d]);

/**
 * dicom-parser only reads the File Meta when it follows the 128-byte preamble and 'DICM'
 * (PS3.10 7.1). Files that start directly with group 0002 get a synthetic preamble so the meta is
 * still read from the file itself rather than guessed.
 */
function withSyntheticPreamble(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(132 + bytes.length);
  out.set(DICM, 128);
  out.set(bytes, 132);
  return out;
}

/**
 * Deflated Explicit VR Little Endian (PS3.5 A.5): everything after the File Meta is a raw deflate
 * stream. dicom-parser's own Node path needs a Buffer; this inflater works on any Uint8Array.
 */
function inflate(bytes: Uint8Array, position: number): Uint8Array {
  const inflated = inflateRawSync(bytes.subarray(position));
  const out = new Uint8Array(position + inflated.length);
  out.set(bytes.subarray(0, position));
  out.set(inflated, position);
  return out;
}

function partialDataSet(thrown: unknown): DataSet | undefined {
  if (typeof thrown === 'object' && thrown !== null && 'dataSet' in thrown) {
    return (thrown as { dataSet: DataSet }).dataSet;
  }
  return undefined;
}

/** Transfer Syntax UID from the File Meta (PS3.10 7.1), read before the dataset so that a dataset that
 * fails to parse half-way still knows its encoding. */
function metaTransferSyntax(input: Uint8Array): string | undefined {
  try {
    const meta = readPart10Header(input);
    return meta.string('x00020010')?.replace(/\0/g, '').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The stream dicom-parser is given, and the transfer syntax its dataset is read in. */
interface Encoding {
  input: Uint8Array;
  transferSyntaxUid: string;
  inferred: boolean;
}

/**
 * What the start of a stream says: its layout and, when it has a File Meta, the transfer syntax the
 * meta names. Worked out once per stream: a read asks whether it is deflated, then parses it.
 */
export interface StreamStart {
  layout: DicomLayout | undefined;
  /** the stream with a preamble (a synthetic one when the meta has none); the bytes for a bare dataset */
  withPreamble: Uint8Array;
  /** the File Meta's (0002,0010); undefined without a meta or without that element */
  metaTransferSyntaxUid: string | undefined;
}

export function readStreamStart(bytes: Uint8Array): StreamStart {
  const layout = detectLayout(bytes);
  if (!layout || layout.kind === 'bare-dataset')
    return { layout, withPreamble: bytes, metaTransferSyntaxUid: undefined };
  const withPreamble = layout.kind === 'meta-without-preamble' ? withSyntheticPreamble(bytes) : bytes;
  return { layout, withPreamble, metaTransferSyntaxUid: metaTransferSyntax(withPreamble) };
}

/**
 * Works out how the dataset is encoded: from the File Meta's (0002,0010); from the dataset's first
 * elements when there is no File Meta or it names no transfer syntax (as DCMTK does); with CP-246
 * elements of Explicit VR Big Endian datasets given their lengths.
 */
function resolveEncoding(bytes: Uint8Array, start: StreamStart, layout: DicomLayout): Encoding | ReadFailure {
  if (layout.kind === 'bare-dataset') {
    const uid = layout.transferSyntaxUid;
    const input = uid === EXPLICIT_VR_BIG_ENDIAN ? defineCp246Lengths(bytes, 0) : bytes;
    return { input, transferSyntaxUid: uid, inferred: true };
  }
  let input = start.withPreamble;
  const metaEnd = fileMetaEnd(input, 132);
  if (metaEnd >= input.length) {
    return failure(
      'error',
      'the file ends after its File Meta Information (no dataset follows): it is truncated or empty',
    );
  }
  let transferSyntaxUid = start.metaTransferSyntaxUid;
  let inferred = false;
  if (transferSyntaxUid === undefined) {
    transferSyntaxUid = inferTransferSyntax(input, metaEnd);
    if (transferSyntaxUid === undefined) {
      return failure(
        'error',
        'the File Meta Information has no Transfer Syntax UID (0002,0010) and the dataset is in no ' +
          'recognisable uncompressed encoding: the file is corrupt',
      );
    }
    input = withTransferSyntaxElement(input, metaEnd, transferSyntaxUid);
    inferred = true;
  }
  if (transferSyntaxUid === EXPLICIT_VR_BIG_ENDIAN) input = defineCp246Lengths(input, metaEnd);
  return { input, transferSyntaxUid, inferred };
}

/**
 * Parses a DICOM byte stream whatever its layout (with or without preamble/File Meta, deflated or not).
 * Never throws: a stream that is not DICOM or whose header cannot be parsed becomes a ReadFailure.
 * `start`: readStreamStart of these same bytes, when the caller has it already.
 */
export function parseDataset(
  bytes: Uint8Array,
  options: ParseOptions,
  start: StreamStart = readStreamStart(bytes),
): ParsedDataset | ReadFailure {
  const layout = start.layout;
  if (!layout) return failure('not-dicom', 'not a DICOM file (no DICM marker and no DICOM header found)');
  const encoding = resolveEncoding(bytes, start, layout);
  if ('ok' in encoding) return encoding;
  const { input, transferSyntaxUid } = encoding;
  const parserOptions: ParseDicomOptions = { inflater: inflate };
  if (options.untilPixelData) parserOptions.untilTag = PIXEL_DATA_TAG;
  if (layout.kind === 'bare-dataset') parserOptions.TransferSyntaxUID = transferSyntaxUid;
  const extra = {
    offsetShift: input.length - bytes.length,
    ...(encoding.inferred && { transferSyntaxInferred: true as const }),
  };
  try {
    const dataSet = parseDicom(input, parserOptions);
    return { dataSet, transferSyntaxUid, ...extra };
  } catch (thrown) {
    const dataSet = partialDataSet(thrown);
    const message = describeThrown(thrown);
    if (
      /inflate|incorrect header|unexpected end of file|invalid (block|stored|code|distance)/i.test(message)
    ) {
      return failure(
        'error',
        `the deflated dataset cannot be inflated (${message}): the file is truncated or corrupt`,
      );
    }
    if (!dataSet || Object.keys(dataSet.elements).length === 0) {
      return failure(
        'error',
        `the DICOM header cannot be parsed (${message}): the file is truncated or corrupt`,
      );
    }
    return { dataSet, transferSyntaxUid, parseError: message, ...extra };
  }
}

/** True when the stream's File Meta names a deflated transfer syntax (the whole dataset must be inflated). */
export function isDeflated(bytes: Uint8Array, start: StreamStart = readStreamStart(bytes)): boolean {
  const uid = start.metaTransferSyntaxUid;
  return uid !== undefined && transferSyntaxInfo(uid)?.deflated === true;
}
