import type { EXPLICIT_VR_LITTLE_ENDIAN } from '../transfer-syntaxes';
import { IMPLICIT_VR_LITTLE_ENDIAN } from '../transfer-syntaxes';
import type { DataElement } from './element';
import type { EncodeOptions } from './encode-dataset';
import { encodeElements, newPieces } from './encode-dataset';
import { encodeFileMeta } from './file-meta';

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

/**
 * A DICOM file (PS3.10 7.1): 128-byte preamble, 'DICM', File Meta Information, then the data set in
 * `transferSyntaxUid`. The Media Storage SOP Class/Instance UIDs are taken from the data set itself,
 * so they always agree with (0008,0016)/(0008,0018). All pieces are joined by one copy into one Buffer,
 * or into the buffer `output` gives.
 */
export function encodePart10(
  dataset: readonly DataElement[],
  transferSyntaxUid: WritableTransferSyntax,
  textEncoding: EncodeOptions['textEncoding'] = 'latin1',
  output?: OutputBuffer,
): Uint8Array {
  const pieces = encodeFileMeta({
    mediaStorageSopClassUid: uidOf(dataset, SOP_CLASS_UID, 'SOP Class UID'),
    mediaStorageSopInstanceUid: uidOf(dataset, SOP_INSTANCE_UID, 'SOP Instance UID'),
    transferSyntaxUid,
  });
  const vrEncoding = transferSyntaxUid === IMPLICIT_VR_LITTLE_ENDIAN ? 'implicit' : 'explicit';
  const body = newPieces();
  encodeElements(dataset, { vrEncoding, textEncoding }, body);
  const preamble = Buffer.alloc(132);
  preamble.write('DICM', 128, 'latin1');
  const all = [preamble, ...pieces.list, ...body.list];
  const length = 132 + pieces.length + body.length;
  return output ? joinPieces(all, length, output) : Buffer.concat(all, length);
}
