import type { DataSet } from 'dicom-parser';
import type { PixelFormat } from '../../shared/dicom/image-header';
import { indexFragments } from './decode/fragment-index';
import { groupFragments, type Fragment } from './decode/fragments';
import type { FileBytes } from './file-bytes';
import type { PixelSource } from './decode/decode-frame';
import { nativePixelDataBytes } from './decode/native';
import { PIXEL_DATA_TAG } from './parse-dataset';
import type { TransferSyntaxInfo } from './transfer-syntaxes';

/**
 * Why native Pixel Data cannot hold every frame, or undefined: `length` is the element's value length,
 * starting `valueStart` bytes into a stream of `streamSize` bytes.
 */
export function nativePixelDataShortfall(
  pixel: PixelFormat,
  length: number,
  valueStart: number,
  streamSize: number,
): string | undefined {
  const needed = nativePixelDataBytes(pixel);
  const present = Math.max(0, Math.min(length, streamSize - valueStart));
  return present < needed
    ? `file is truncated: Pixel Data needs ${needed} bytes, ${present} present`
    : undefined;
}

/**
 * Locates the frames of Pixel Data (7FE0,0010) and checks that they are all there, so that a truncated
 * file fails when it is read, with the byte counts, rather than half-way through a conversion.
 */
export function locatePixelData(
  ds: DataSet,
  pixel: PixelFormat,
  syntax: TransferSyntaxInfo,
  headerOnly: boolean,
  /** size of the byte stream the element offsets refer to (the whole file, even when only a prefix was parsed) */
  streamSize: number,
): PixelSource | string {
  const element = ds.elements[PIXEL_DATA_TAG];
  if (!element) return 'the file has no Pixel Data';
  const undefinedLength = element.hadUndefinedLength === true;
  if (syntax.codec === 'native') {
    if (undefinedLength)
      return `Pixel Data is encapsulated but the transfer syntax (${syntax.name}) is uncompressed: the file is corrupt`;
    const short = nativePixelDataShortfall(pixel, element.length, element.dataOffset, streamSize);
    if (short !== undefined) return short;
    if (headerOnly) return { kind: 'header-only' };
    const needed = nativePixelDataBytes(pixel);
    return {
      kind: 'native',
      data: {
        bytes: ds.byteArray.subarray(element.dataOffset, element.dataOffset + needed),
        bigEndian: syntax.bigEndian,
        vr: element.vr ?? 'OW',
      },
    };
  }
  if (!undefinedLength)
    return `Pixel Data of ${syntax.name} must be encapsulated (PS3.5 A.4) but has a defined length: the file is corrupt`;
  if (headerOnly) return { kind: 'header-only' };
  const fragments: Fragment[] = element.fragments ?? [];
  const overrun = fragments.find((f) => f.position + f.length > ds.byteArray.length);
  if (overrun) {
    return `file is truncated: a Pixel Data fragment needs ${overrun.length} bytes, ${Math.max(0, ds.byteArray.length - overrun.position)} present`;
  }
  const frames = groupFragments(
    ds.byteArray,
    fragments,
    element.basicOffsetTable ?? [],
    pixel.numberOfFrames,
    syntax.codec,
  );
  if (typeof frames === 'string') return `${frames}: the file is truncated or corrupt`;
  return { kind: 'encapsulated', codec: syntax.codec, bytes: ds.byteArray, fragments, frames };
}

/**
 * Locates the frames of Pixel Data left in the file (the dataset was parsed up to the Pixel Data element
 * header only): native frames by their offset, encapsulated frames by one walk over the items. Checks,
 * as locatePixelData does, that every frame is there before any is decoded.
 */
export function locateFilePixelData(
  ds: DataSet,
  pixel: PixelFormat,
  syntax: TransferSyntaxInfo,
  headerOnly: boolean,
  file: FileBytes,
  /** bytes the parsed stream has in front of the file (a synthetic preamble) */
  offsetShift: number,
): PixelSource | string {
  const element = ds.elements[PIXEL_DATA_TAG];
  if (!element) return 'the file has no Pixel Data';
  const valueStart = element.dataOffset - offsetShift;
  const undefinedLength = element.hadUndefinedLength === true;
  if (syntax.codec === 'native') {
    if (undefinedLength)
      return `Pixel Data is encapsulated but the transfer syntax (${syntax.name}) is uncompressed: the file is corrupt`;
    const short = nativePixelDataShortfall(pixel, element.length, valueStart, file.size);
    if (short !== undefined) return short;
    if (headerOnly) return { kind: 'header-only' };
    const needed = nativePixelDataBytes(pixel);
    const vr = element.vr ?? 'OW';
    // A small file's first read already holds its frames (a 64x64 slice is 8 KiB): they are decoded
    // from those bytes, not read a second time.
    const heldEnd = element.dataOffset + needed;
    if (heldEnd <= ds.byteArray.length) {
      const bytes = ds.byteArray.subarray(element.dataOffset, heldEnd);
      return { kind: 'native', data: { bytes, bigEndian: syntax.bigEndian, vr } };
    }
    return { kind: 'native-file', file, valueStart, bigEndian: syntax.bigEndian, vr };
  }
  if (!undefinedLength)
    return `Pixel Data of ${syntax.name} must be encapsulated (PS3.5 A.4) but has a defined length: the file is corrupt`;
  if (headerOnly) return { kind: 'header-only' };
  const index = indexFragments(file, valueStart);
  if (typeof index === 'string') return index;
  const frames = groupFragments(
    new Uint8Array(0),
    index.fragments,
    index.offsets,
    pixel.numberOfFrames,
    syntax.codec,
  );
  if (typeof frames === 'string') return `${frames}: the file is truncated or corrupt`;
  return { kind: 'encapsulated-file', codec: syntax.codec, file, fragments: index.fragments, frames };
}
