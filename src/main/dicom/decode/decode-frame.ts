import type { PixelFormat, RawFrame } from '../../../shared/dicom/image-header';
import { inflateRawSync } from 'node:zlib';
import { DicomDecodeError, describeThrown } from '../errors';
import type { PixelCodec } from '../transfer-syntaxes';
import { decodeWithCodec } from './codecs';
import {
  readEncodedFileFrame,
  readNativeFileFrame,
  type EncapsulatedFileSource,
  type NativeFileSource,
} from './file-frames';
import { joinFragments, type Fragment } from './fragments';
import { decodeNativeFrame, interleavePlanes, type NativePixelData } from './native';

/** Where the frames of an image are, once the dataset has been parsed and checked. */
export type PixelSource =
  | { kind: 'native'; data: NativePixelData }
  | {
      kind: 'encapsulated';
      codec: PixelCodec;
      /** the bytes fragment positions refer to */
      bytes: Uint8Array;
      fragments: Fragment[];
      /** fragment indices of each frame */
      frames: number[][];
    }
  | NativeFileSource
  | (EncapsulatedFileSource & { codec: PixelCodec })
  | { kind: 'header-only' };

/** Bytes a decoded (unpacked) frame must have: anything else means a truncated or corrupt stream. */
export function decodedFrameBytes(pixel: PixelFormat): number {
  const bytesPerSample = pixel.bitsAllocated <= 8 ? 1 : pixel.bitsAllocated / 8;
  return pixel.rows * pixel.columns * pixel.samplesPerPixel * bytesPerSample;
}

function typed(bytes: Uint8Array, bitsAllocated: number): Uint8Array | Uint16Array | Uint32Array {
  // `bytes` is a fresh copy, so its buffer starts at offset 0 and is aligned. Codecs emit host (little) endian.
  if (bitsAllocated === 16) return new Uint16Array(bytes.buffer, 0, bytes.length / 2);
  if (bitsAllocated === 32) return new Uint32Array(bytes.buffer, 0, bytes.length / 4);
  return bytes;
}

/** Decodes one frame's encoded bytes (its fragments joined) with the codec of its transfer syntax. */
function decodeEncodedFrame(
  codec: PixelCodec,
  encoded: Uint8Array,
  pixel: PixelFormat,
  index: number,
): RawFrame {
  if (codec === 'deflate') return decodeDeflatedFrame(encoded, pixel, index);
  if (codec === 'rle' && pixel.bitsAllocated === 1) return decodeRleBitFrame(encoded, pixel, index);
  if (codec !== 'rle' && !endsWithEndMarker(encoded)) {
    throw new DicomDecodeError(
      `frame ${index + 1} has no end-of-image marker: the compressed data is truncated`,
    );
  }
  const output = decodeWithCodec(codec, encoded, pixel);
  const expected = decodedFrameBytes(pixel);
  // A truncated JPEG or JPEG 2000 stream can decode "successfully" to fewer samples: check the size.
  if (output.bytes.length !== expected) {
    throw new DicomDecodeError(
      `frame ${index + 1} decoded to ${output.bytes.length} bytes, expected ${expected} for ${pixel.columns}x${pixel.rows}x${pixel.samplesPerPixel} samples of ${pixel.bitsAllocated} bits: the compressed data is truncated or corrupt`,
    );
  }
  let data = typed(output.bytes, pixel.bitsAllocated);
  if (output.planar) data = interleavePlanes(data, pixel.rows * pixel.columns);
  return { data, photometric: output.photometric };
}

/**
 * JPEG, JPEG-LS (EOI, ITU-T T.81 B.2.1) and JPEG 2000 (EOC, T.800 A.4.4) codestreams all end with
 * FF D9. Decoders fill a cut stream with grey without complaint, so a missing end marker is the
 * reliable sign of truncation. Up to 6 bytes of trailing padding are tolerated (PS3.5 A.4 pads
 * fragments to even length; some writers add more).
 */
export function endsWithEndMarker(encoded: Uint8Array): boolean {
  for (let at = encoded.length - 2; at >= Math.max(0, encoded.length - 8); at--) {
    if (encoded[at] === 0xff && encoded[at + 1] === 0xd9) return true;
  }
  return false;
}

/**
 * Deflated Image Frame Compression (PS3.5 8.2.16): each frame is a raw deflate stream of the frame's
 * native little endian bytes, so it becomes a one-frame native source.
 */
function decodeDeflatedFrame(encoded: Uint8Array, pixel: PixelFormat, index: number): RawFrame {
  let inflated: Uint8Array;
  try {
    inflated = inflateRawSync(encoded);
  } catch (thrown) {
    throw new DicomDecodeError(
      `frame ${index + 1} cannot be inflated (${describeThrown(thrown)}): the compressed data is corrupt`,
    );
  }
  return decodeNativeFrame(
    { bytes: inflated, bigEndian: false, vr: 'OB' },
    { ...pixel, numberOfFrames: 1 },
    0,
  );
}

/**
 * RLE of 1-bit data (PS3.5 G.2): the single segment holds the frame's packed bits, not one byte per
 * pixel, so the codec is asked for ceil(pixels / 8) bytes, which are then unpacked.
 */
function decodeRleBitFrame(encoded: Uint8Array, pixel: PixelFormat, index: number): RawFrame {
  const packedBytes = Math.ceil((pixel.rows * pixel.columns * pixel.samplesPerPixel) / 8);
  const packed: PixelFormat = {
    ...pixel,
    rows: 1,
    columns: packedBytes,
    samplesPerPixel: 1,
    bitsAllocated: 8,
    bitsStored: 8,
    highBit: 7,
  };
  const output = decodeWithCodec('rle', encoded, packed);
  if (output.bytes.length !== packedBytes) {
    throw new DicomDecodeError(
      `frame ${index + 1} decoded to ${output.bytes.length} bytes, expected ${packedBytes}: the compressed data is truncated or corrupt`,
    );
  }
  return decodeNativeFrame(
    { bytes: output.bytes, bigEndian: false, vr: 'OB' },
    { ...pixel, numberOfFrames: 1 },
    0,
  );
}

/**
 * Decodes frame `index` (0-based) of an image; throws DicomDecodeError when it cannot. With `borrow`,
 * native frames may view the source bytes instead of copying them (see decodeNativeFrame).
 */
export function decodeFrame(
  source: PixelSource,
  pixel: PixelFormat,
  index: number,
  borrow = false,
): RawFrame {
  if (!Number.isInteger(index) || index < 0 || index >= pixel.numberOfFrames) {
    throw new DicomDecodeError(
      `frame ${index} does not exist: the image has ${pixel.numberOfFrames} frame(s)`,
    );
  }
  switch (source.kind) {
    case 'native':
      return decodeNativeFrame(source.data, pixel, index, borrow);
    case 'encapsulated': {
      const encoded = joinFragments(source.bytes, source.fragments, source.frames[index] as number[]);
      return decodeEncodedFrame(source.codec, encoded, pixel, index);
    }
    case 'native-file':
      return readNativeFileFrame(source, pixel, index, borrow);
    case 'encapsulated-file':
      return decodeEncodedFrame(source.codec, readEncodedFileFrame(source, index), pixel, index);
    case 'header-only':
      throw new DicomDecodeError(
        'the image was read with headerOnly: read it again in full to decode its frames',
      );
  }
}
