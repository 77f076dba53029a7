import { decodeFrame } from './decode/decode-frame';
import { stringValue, usesUtf8 } from './dataset-values';
import { describeThrown, failure } from './errors';
import { parseDataset, PIXEL_DATA_TAG, type ParsedDataset } from './parse-dataset';
import { parseHeader } from './parse-header';
import { isNotRegularFile, openRegularFile } from './regular-file';
import { locatePixelData } from './pixel-source';
import { sopClassInfo, sopClassName } from './sop-classes';
import { describeTransferSyntax, transferSyntaxInfo } from './transfer-syntaxes';
import type { DicomImage, ReadResult } from './types';

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
}

/** How much of a file a header-only read looks at first; most headers are a few kilobytes. */
const HEADER_PREFIX_BYTES = 64 * 1024;

/** Why a dataset without Pixel Data (7FE0,0010) is not converted. */
function notAnImage(parsed: ParsedDataset): ReadResult {
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

function interpret(bytes: Uint8Array, options: ReadOptions, fileSize: number): ReadResult {
  const headerOnly = options.headerOnly === true;
  const borrow = options.borrowPixels === true;
  const parsed = parseDataset(bytes, { untilPixelData: headerOnly });
  if (!('dataSet' in parsed)) return parsed;
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
  const streamSize = syntax.deflated ? ds.byteArray.length : fileSize + parsed.offsetShift;
  const source = locatePixelData(ds, header.pixel, syntax, headerOnly, streamSize);
  if (typeof source === 'string') return failure('error', source);
  const image: DicomImage = {
    header,
    getString: (tag) => stringValue(ds, tag, utf8),
    decodeFrame: (index) => decodeFrame(source, header.pixel, index, borrow),
  };
  return { ok: true, image };
}

/**
 * Reads a DICOM image from memory: finds DICOM by content, parses the header and locates every frame.
 * Never throws; anything that is not a convertible image comes back as a ReadFailure with its reason.
 */
export function readDicomBytes(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  return readPrefix(bytes, options, bytes.length);
}

function readPrefix(bytes: Uint8Array, options: ReadOptions, fileSize: number): ReadResult {
  try {
    return interpret(bytes, options, fileSize);
  } catch (thrown) {
    // A defect in a library or here must not stop a batch: report it against this file.
    return failure('error', `the file could not be read (${describeThrown(thrown)})`);
  }
}

/**
 * Reads a DICOM image from disk. With headerOnly, only the first 64 KiB are read when the header fits
 * (the whole file otherwise, e.g. for deflated datasets or headers with large sequences).
 */
export async function readDicomFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  let handle;
  try {
    handle = await openRegularFile(path);
    const { size } = await handle.stat();
    if (options.headerOnly && size > HEADER_PREFIX_BYTES) {
      const prefix = new Uint8Array(HEADER_PREFIX_BYTES);
      const { bytesRead } = await handle.read(prefix, 0, HEADER_PREFIX_BYTES, 0);
      const result = readPrefix(prefix.subarray(0, bytesRead), { ...options, headerOnly: true }, size);
      if (result.ok || result.kind === 'not-dicom') return result;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return readPrefix(bytes.subarray(0, offset), options, offset);
  } catch (thrown) {
    if (isNotRegularFile(thrown)) return failure('not-dicom', thrown.message);
    return failure('error', `the file cannot be opened (${describeThrown(thrown)})`);
  } finally {
    await handle?.close();
  }
}
