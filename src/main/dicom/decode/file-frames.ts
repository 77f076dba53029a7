import type { PixelFormat, RawFrame } from '../../../shared/dicom/image-header';
import type { FileBytes } from '../file-bytes';
import type { Fragment } from './fragments';
import { decodeNativeFrame, nativeFrameBits, storedSamplesPerFrame, unpackBits } from './native';

/** Native Pixel Data left in the file: each frame is read at its offset when it is decoded. */
export interface NativeFileSource {
  kind: 'native-file';
  file: FileBytes;
  /** file position of the first byte of the Pixel Data value */
  valueStart: number;
  bigEndian: boolean;
  vr: string;
  /**
   * with `borrow`, where frames are read (a buffer of exactly the given size, each frame valid until the
   * next decode): the caller's (ReadOptions.frameBuffer), else one of this source's own, made on first use
   */
  frameBuffer?: (bytes: number) => Uint8Array;
}

/** A buffer kept from call to call, made again only when the size asked for changes. */
function keptBuffer(): (bytes: number) => Uint8Array {
  let kept: Uint8Array | undefined;
  return (bytes) => (kept?.length === bytes ? kept : (kept = new Uint8Array(bytes)));
}

/** Encapsulated Pixel Data left in the file, indexed by one walk over its items. */
export interface EncapsulatedFileSource {
  kind: 'encapsulated-file';
  file: FileBytes;
  fragments: Fragment[];
  /** fragment indices of each frame */
  frames: number[][];
}

/**
 * Frame `index` of native Pixel Data, read from the file by one positioned read. With `borrow`, the
 * bytes land in a buffer reused from frame to frame (a multi-frame conversion then allocates nothing
 * per frame), so a frame is valid only until the next call; otherwise each frame owns fresh memory.
 */
export function readNativeFileFrame(
  source: NativeFileSource,
  pixel: PixelFormat,
  index: number,
  borrow: boolean,
): RawFrame {
  const frameBits = nativeFrameBits(pixel);
  const what = `frame ${index + 1}`;
  if (pixel.bitsAllocated === 1) {
    // 1-bit frames are packed back to back and may start inside a byte (PS3.5 8.1.1).
    const firstBit = frameBits * index;
    const firstByte = Math.floor(firstBit / 8);
    const length = Math.ceil((firstBit + frameBits) / 8) - firstByte;
    const bytes = source.file.read(source.valueStart + firstByte, length, what);
    const samples = unpackBits(bytes, firstBit - firstByte * 8, storedSamplesPerFrame(pixel));
    return { data: samples, photometric: pixel.photometric };
  }
  const frameBytes = frameBits / 8;
  const target = borrow ? (source.frameBuffer ??= keptBuffer())(frameBytes) : undefined;
  const bytes = source.file.read(source.valueStart + frameBytes * index, frameBytes, what, target);
  // The frame's bytes are its own (or the reused buffer): the decoder may view them without a copy.
  return decodeNativeFrame(
    { bytes, bigEndian: source.bigEndian, vr: source.vr },
    { ...pixel, numberOfFrames: 1 },
    0,
    true,
  );
}

/** The encoded bytes of frame `index`: its fragments read from the file and joined. */
export function readEncodedFileFrame(source: EncapsulatedFileSource, index: number): Uint8Array {
  const parts = (source.frames[index] ?? []).map((i) => source.fragments[i] as Fragment);
  const out = new Uint8Array(parts.reduce((sum, f) => sum + f.length, 0));
  let at = 0;
  for (const fragment of parts) {
    source.file.read(fragment.position, fragment.length, `frame ${index + 1}`, out.subarray(at));
    at += fragment.length;
  }
  return out;
}
