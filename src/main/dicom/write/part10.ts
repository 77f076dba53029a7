import type { EXPLICIT_VR_LITTLE_ENDIAN } from '../transfer-syntaxes';
import { IMPLICIT_VR_LITTLE_ENDIAN } from '../transfer-syntaxes';
import type { DataElement } from './element';
import { encodeElements, newPieces, type Pieces } from './encode-dataset';
import { encodeFileMeta } from './file-meta';
import { objectText } from './text-encoding';

export type WritableTransferSyntax = typeof EXPLICIT_VR_LITTLE_ENDIAN | typeof IMPLICIT_VR_LITTLE_ENDIAN;

const SOP_CLASS_UID = 0x00080016;
const SOP_INSTANCE_UID = 0x00080018;

function uidOf(dataset: readonly DataElement[], tag: number, name: string): string {
  const element = dataset.find((e) => e.tag === tag);
  if (element === undefined || !('text' in element) || element.text === '') {
    throw new RangeError(`the data set has no ${name}, which the File Meta Information must repeat`);
  }
  return element.text;
}

/**
 * Where a file is encoded: a buffer of exactly `length` bytes. The converter passes one it reuses from
 * file to file, because a fresh 1 MB buffer per slice costs page faults and garbage collection.
 */
export type OutputBuffer = (length: number) => Uint8Array;

function joinPieces(pieces: readonly Uint8Array[], length: number, output: OutputBuffer): Uint8Array {
  const out = output(length);
  if (out.length !== length) throw new RangeError(`output buffer has ${out.length} bytes, ${length} needed`);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function part10Pieces(dataset: readonly DataElement[], transferSyntaxUid: WritableTransferSyntax): Pieces {
  const meta = encodeFileMeta({
    mediaStorageSopClassUid: uidOf(dataset, SOP_CLASS_UID, 'SOP Class UID'),
    mediaStorageSopInstanceUid: uidOf(dataset, SOP_INSTANCE_UID, 'SOP Instance UID'),
    transferSyntaxUid,
  });
  const vrEncoding = transferSyntaxUid === IMPLICIT_VR_LITTLE_ENDIAN ? 'implicit' : 'explicit';
  const pieces = newPieces();
  pieces.fill(0, 128);
  pieces.string('DICM', 4, 'latin1');
  pieces.append(meta);
  // Every text value through one encoder, in the character set the object then declares.
  const text = objectText(dataset);
  encodeElements(text.dataset, { vrEncoding, textEncoding: 'latin1', encodeText: text.encode }, pieces);
  return pieces;
}

/** The pieces as one Buffer: the one piece itself when there is only one (no copy). */
function joined(pieces: Pieces): Buffer {
  const list = pieces.pieces();
  const only = list.length === 1 ? list[0] : undefined;
  return only ? Buffer.from(only.buffer, only.byteOffset, only.length) : Buffer.concat(list, pieces.length);
}

/**
 * A DICOM file (PS3.10 7.1): 128-byte preamble, 'DICM', File Meta Information, then the data set in
 * `transferSyntaxUid`. The Media Storage SOP Class/Instance UIDs are taken from the data set itself,
 * so they always agree with (0008,0016)/(0008,0018); its (0008,0005) names the source's character set
 * and is replaced by the one the text is written in (text-encoding.ts). All pieces are joined by one copy into one Buffer,
 * or into the buffer `output` gives.
 */
export function encodePart10(
  dataset: readonly DataElement[],
  transferSyntaxUid: WritableTransferSyntax,
  output?: OutputBuffer,
): Uint8Array {
  const pieces = part10Pieces(dataset, transferSyntaxUid);
  return output ? joinPieces(pieces.pieces(), pieces.length, output) : joined(pieces);
}

const PIXEL_DATA = 0x7fe00010;
/** The largest defined length: 0xFFFFFFFF means undefined length (PS3.5 7.1.1), and values are even. */
export const MAX_DEFINED_LENGTH = 0xfffffffe;

/** Pixel Data whose value the caller writes after the header, `length` bytes (plus one pad byte if odd). */
export interface PixelDataToFollow {
  vr: 'OB' | 'OW';
  length: number;
}

/**
 * Everything of a DICOM file up to the Pixel Data value, for a writer that streams the frames after
 * it: encodePart10 of `dataset` (which must hold no element after Pixel Data, so Pixel Data is the last
 * element as PS3.5 7.1 orders them), then the Pixel Data element header with the value's length padded
 * to even (PS3.5 7.1.1). Throws a RangeError when the value does not fit a 32-bit length.
 */
export function encodePart10Header(
  dataset: readonly DataElement[],
  transferSyntaxUid: WritableTransferSyntax,
  pixelData: PixelDataToFollow,
): Uint8Array {
  const padded = pixelData.length + (pixelData.length % 2);
  if (!Number.isInteger(pixelData.length) || pixelData.length < 0 || padded > MAX_DEFINED_LENGTH) {
    throw new RangeError(`a Pixel Data value of ${pixelData.length} bytes does not fit its 32-bit length`);
  }
  if (dataset.some((e) => e.tag >>> 0 >= PIXEL_DATA)) {
    throw new RangeError(
      'the data set to write before streamed Pixel Data holds Pixel Data or a later element',
    );
  }
  const pieces = part10Pieces(dataset, transferSyntaxUid);
  pieces.tag(PIXEL_DATA);
  if (transferSyntaxUid !== IMPLICIT_VR_LITTLE_ENDIAN) {
    pieces.vr(pixelData.vr);
    pieces.u16(0);
  }
  pieces.u32(padded);
  return joined(pieces);
}
