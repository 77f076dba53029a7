import type { ImageHeader, PixelFormat } from '../../shared/dicom/image-header';
import { describeSize } from './byte-size';
import { decodeFrame, type PixelSource } from './decode/decode-frame';
import { stringValue, usesUtf8 } from './dataset-values';
import { describeThrown, failure } from './errors';
import { describeOpenError, openFileBytes, type FileBytes } from './file-bytes';
import {
  isDeflated,
  parseDataset,
  PIXEL_DATA_TAG,
  readStreamStart,
  type ParsedDataset,
  type StreamStart,
} from './parse-dataset';
import { parseHeader, readPixelFormat } from './parse-header';
import { isNotRegularFile } from './regular-file';
import { locateFilePixelData, locatePixelData, nativePixelDataShortfall } from './pixel-source';
import { sopClassInfo, sopClassName } from './sop-classes';
import { describeTransferSyntax, transferSyntaxInfo, type TransferSyntaxInfo } from './transfer-syntaxes';
import type { DicomImage, ReadFailure, ReadResult } from './types';

export { initCodecs } from './decode/codecs';
export { DicomDecodeError } from './errors';

export interface ReadOptions {
  /** parse up to the Pixel Data element only (fast folder scans); decodeFrame then throws */
  headerOnly?: boolean;
  /**
   * let decoded native frames view the bytes passed in rather than copy them (the converter's hot
   * path). The caller must then leave those bytes unchanged, and not modify the frames, while it uses
   * them. Off by default: a frame is then a fresh array of its own.
   */
  borrowPixels?: boolean;
  /**
   * where the header's prefix is read (a buffer of exactly `bytes` bytes; by default a fresh one): the
   * converter passes one it reuses from file to file. The image's header values view it, so the caller
   * must close the image, and use nothing of it, before the buffer is handed out again.
   */
  headerBuffer?: (bytes: number) => Uint8Array;
  /**
   * with borrowPixels: where native frames left in the file are read (a buffer of exactly `bytes` bytes,
   * offset 0; by default one per image, reused from frame to frame): the converter passes one it reuses
   * from file to file, so a slice costs no fresh frame-sized memory. A frame is then valid until the
   * next frame is decoded from any image given that buffer.
   */
  frameBuffer?: (bytes: number) => Uint8Array;
}

/** Why a dataset without Pixel Data (7FE0,0010) is not converted. */
function notAnImage(parsed: ParsedDataset): ReadFailure {
  const ds = parsed.dataSet;
  // Float (7FE0,0008) and Double Float (7FE0,0009) Pixel Data, e.g. Parametric Maps (PS3.3 C.7.6.3.1.4).
  if (ds.elements.x7fe00008 || ds.elements.x7fe00009) {
    const which = ds.elements.x7fe00008 ? 'Float Pixel Data' : 'Double Float Pixel Data';
    return failure(
      'not-image',
      `${which} is not supported (only integer Pixel Data can be windowed and converted); skipped`,
    );
  }
  if (parsed.parseError !== undefined) {
    return failure(
      'error',
      `the DICOM dataset cannot be parsed (${parsed.parseError}): the file is truncated or corrupt`,
    );
  }
  const sopClass = stringValue(ds, '00080016') ?? stringValue(ds, '00020002') ?? '';
  return failure('not-image', `${sopClassName(sopClass)} is not an image (no Pixel Data); skipped`);
}

interface ImageHeaderOf {
  ds: ParsedDataset['dataSet'];
  header: ImageHeader;
  syntax: TransferSyntaxInfo;
  utf8: boolean;
}

/** The checks every read makes once the dataset is parsed: an image, a known syntax, a valid header. */
function imageHeaderOf(parsed: ParsedDataset): ImageHeaderOf | ReadFailure {
  const ds = parsed.dataSet;
  if (!ds.elements[PIXEL_DATA_TAG]) return notAnImage(parsed);
  const sopClass = stringValue(ds, '00080016') ?? stringValue(ds, '00020002') ?? '';
  if (sopClassInfo(sopClass)?.image === false) {
    return failure('not-image', `${sopClassName(sopClass)} is not an image; skipped`);
  }
  const syntax = transferSyntaxInfo(parsed.transferSyntaxUid);
  if (!syntax) {
    return failure(
      'error',
      `${describeTransferSyntax(parsed.transferSyntaxUid)}: this transfer syntax cannot be decoded`,
    );
  }
  const utf8 = usesUtf8(ds);
  const header = parseHeader(ds, {
    transferSyntaxUid: parsed.transferSyntaxUid,
    transferSyntaxInferred: parsed.transferSyntaxInferred,
    utf8,
  });
  if ('ok' in header) return header;
  return { ds, header, syntax, utf8 };
}

function imageOf(
  found: ImageHeaderOf,
  source: PixelSource,
  options: ReadOptions,
  fileSize: number,
  close: () => void,
): DicomImage {
  const { ds, header, utf8 } = found;
  const borrow = options.borrowPixels === true;
  return {
    header,
    fileSize,
    getString: (tag) => stringValue(ds, tag, utf8),
    decodeFrame: (index) => decodeFrame(source, header.pixel, index, borrow),
    close,
  };
}

function interpret(bytes: Uint8Array, options: ReadOptions, fileSize: number): ReadResult {
  const headerOnly = options.headerOnly === true;
  const parsed = parseDataset(bytes, { untilPixelData: headerOnly });
  if (!('dataSet' in parsed)) return parsed;
  const found = imageHeaderOf(parsed);
  if ('ok' in found) return found;
  const { ds, header, syntax } = found;
  const streamSize = syntax.deflated ? ds.byteArray.length : fileSize + parsed.offsetShift;
  const source = locatePixelData(ds, header.pixel, syntax, headerOnly, streamSize);
  if (typeof source === 'string') return failure('error', source);
  return { ok: true, image: imageOf(found, source, options, fileSize, () => undefined) };
}

/**
 * Reads a DICOM image from memory: finds DICOM by content, parses the header and locates every frame.
 * Never throws; anything that is not a convertible image comes back as a ReadFailure with its reason.
 */
export function readDicomBytes(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  return readPrefix(bytes, options, bytes.length);
}

/** What the read-back check needs of a written header: its syntax, UIDs and pixel format. */
export interface WrittenHeaderFacts {
  transferSyntaxUid: string;
  /** (0008,0016) and (0008,0018), falling back on the File Meta's as the full reader does */
  sopClassUid: string;
  sopInstanceUid: string;
  /** (0002,0002) and (0002,0003) of the File Meta Information */
  metaSopClassUid: string | undefined;
  metaSopInstanceUid: string | undefined;
  pixel: PixelFormat;
}

/**
 * Parses a header a writer built (up to its Pixel Data element header) with the reader's own parser and
 * pixel-format rules, but only for the attributes the read-back check compares (no full image header:
 * geometry, windows, LUTs). Never throws.
 */
export function readWrittenHeaderFacts(
  header: Uint8Array,
  fileSize: number,
): WrittenHeaderFacts | ReadFailure {
  try {
    const parsed = parseDataset(header, { untilPixelData: true });
    if (!('dataSet' in parsed)) return parsed;
    const ds = parsed.dataSet;
    const element = ds.elements[PIXEL_DATA_TAG];
    if (!element) return notAnImage(parsed);
    const pixel = readPixelFormat(ds);
    if (typeof pixel === 'string') return failure('error', pixel);
    // As the reader checks a file's native Pixel Data: every frame must fit in the file it heads.
    const short = nativePixelDataShortfall(pixel, element.length, element.dataOffset, fileSize);
    if (short !== undefined) return failure('error', short);
    const metaSopClassUid = stringValue(ds, '00020002');
    const metaSopInstanceUid = stringValue(ds, '00020003');
    return {
      transferSyntaxUid: parsed.transferSyntaxUid,
      sopClassUid: stringValue(ds, '00080016') ?? metaSopClassUid ?? '',
      sopInstanceUid: stringValue(ds, '00080018') ?? metaSopInstanceUid ?? '',
      metaSopClassUid,
      metaSopInstanceUid,
      pixel,
    };
  } catch (thrown) {
    return failure('error', `the header could not be read (${describeThrown(thrown)})`);
  }
}

function readPrefix(
  bytes: Uint8Array,
  options: ReadOptions,
  fileSize: number,
  file?: FileBytes,
  start?: StreamStart,
): ReadResult {
  try {
    return file ? interpretPrefix(bytes, file, options, start) : interpret(bytes, options, fileSize);
  } catch (thrown) {
    // A defect in a library or here must not stop a batch: report it against this file.
    return failure('error', `the file could not be read (${describeThrown(thrown)})`);
  }
}

/** The first read of a file's header; most headers are a few kilobytes. */
const FIRST_HEADER_READ = 64 * 1024;
/**
 * The most of a file read to find its Pixel Data element. A header is rarely over a megabyte; a file
 * whose Pixel Data is not found by then (a huge non-image, or a corrupt header) is skipped with its size.
 */
const HEADER_LIMIT = 64 * 2 ** 20;

/** One prefix of the file, parsed up to the Pixel Data element header; frames stay in the file. */
function interpretPrefix(
  prefix: Uint8Array,
  file: FileBytes,
  options: ReadOptions,
  start?: StreamStart,
): ReadResult {
  const parsed = parseDataset(prefix, { untilPixelData: true }, start);
  if (!('dataSet' in parsed)) return parsed;
  const found = imageHeaderOf(parsed);
  if ('ok' in found) return found;
  const headerOnly = options.headerOnly === true;
  const source = locateFilePixelData(
    found.ds,
    found.header.pixel,
    found.syntax,
    headerOnly,
    file,
    parsed.offsetShift,
  );
  if (typeof source === 'string') return failure('error', source);
  if (source.kind === 'native-file' && options.frameBuffer) source.frameBuffer = options.frameBuffer;
  return { ok: true, image: imageOf(found, source, options, file.size, () => file.close()) };
}

/**
 * A deflated dataset (PS3.5 A.5) is one deflate stream: it is read and inflated whole, so only files
 * up to HEADER_LIMIT are.
 */
function readDeflated(file: FileBytes, options: ReadOptions): ReadResult {
  if (file.size > HEADER_LIMIT) {
    return failure(
      'not-image',
      `the file is ${describeSize(file.size)} of deflated DICOM, which must be inflated whole; DICOM Ink inflates files up to ${describeSize(HEADER_LIMIT)}; skipped`,
    );
  }
  return readPrefix(file.readUpTo(0, file.size), options, file.size);
}

/**
 * The header by bounded, growing positioned reads (64 KiB, then 8 times more each time, up to 64 MiB),
 * stopping at the Pixel Data element; the frames are left in the file and read one by one when decoded.
 * No read ever asks for the whole of a large file, so a file of any size is safe to open.
 */
function readHeaderPrefixes(file: FileBytes, options: ReadOptions): ReadResult {
  let length = Math.min(file.size, FIRST_HEADER_READ);
  for (;;) {
    const prefix = file.readUpTo(0, length, options.headerBuffer?.(Math.min(length, file.size)));
    // The layout and File Meta are read once for both questions (a third reading is dicom-parser's own).
    const start = readStreamStart(prefix);
    if (isDeflated(prefix, start)) return readDeflated(file, options);
    const result = readPrefix(prefix, options, file.size, file, start);
    if (result.ok || result.kind === 'not-dicom' || prefix.length < length || length >= file.size) {
      return result;
    }
    if (length >= HEADER_LIMIT) {
      return failure(
        'not-image',
        `no image header ending in Pixel Data within the first ${describeSize(HEADER_LIMIT)} of this ${describeSize(file.size)} file (${result.reason}); skipped`,
      );
    }
    length = Math.min(file.size, length * 8);
  }
}

/**
 * Opens a DICOM image on disk without reading it whole: the header by bounded reads, each frame by a
 * positioned read when it is decoded (see readHeaderPrefixes). Never throws. The image keeps the file
 * open for its frames until `close()` (a later decode opens it again); headerOnly and failed reads
 * leave nothing open.
 */
export function openDicomFile(path: string, options: ReadOptions = {}): ReadResult {
  let file: FileBytes;
  try {
    file = openFileBytes(path);
  } catch (thrown) {
    if (isNotRegularFile(thrown)) return failure('not-dicom', thrown.message);
    return failure('error', describeOpenError(thrown));
  }
  const result = readDicomFileBytes(file, options);
  if (!result.ok || options.headerOnly === true) file.close();
  return result;
}

/** openDicomFile over a file already open (e.g. an output read back through the descriptor that wrote it). */
export function readDicomFileBytes(file: FileBytes, options: ReadOptions = {}): ReadResult {
  try {
    return readHeaderPrefixes(file, options);
  } catch (thrown) {
    return failure('error', `the file could not be read (${describeThrown(thrown)})`);
  }
}

/** openDicomFile for callers that await (the folder scan, `info`). */
export function readDicomFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  return Promise.resolve(openDicomFile(path, options));
}
