import type { DataElement } from './element';
import { bytesElement, numberElement, textElement } from './element';
import type { Pieces } from './encode-dataset';
import { encodeElements, newPieces, SMALL_PIECES } from './encode-dataset';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './implementation';

export interface FileMetaInput {
  mediaStorageSopClassUid: string;
  mediaStorageSopInstanceUid: string;
  transferSyntaxUid: string;
}

/**
 * File Meta Information (PS3.10 7.1): always Explicit VR Little Endian, led by its group length
 * (0002,0000), which counts the bytes of every later group 0002 element.
 */
export function encodeFileMeta(input: FileMetaInput): Pieces {
  const body: DataElement[] = [
    bytesElement(0x00020001, 'OB', Uint8Array.of(0x00, 0x01)),
    textElement(0x00020002, 'UI', input.mediaStorageSopClassUid),
    textElement(0x00020003, 'UI', input.mediaStorageSopInstanceUid),
    textElement(0x00020010, 'UI', input.transferSyntaxUid),
    textElement(0x00020012, 'UI', IMPLEMENTATION_CLASS_UID),
    textElement(0x00020013, 'SH', IMPLEMENTATION_VERSION_NAME),
  ];
  const options = { vrEncoding: 'explicit', textEncoding: 'latin1' } as const;
  const rest = newPieces(SMALL_PIECES);
  encodeElements(body, options, rest);
  const meta = newPieces(SMALL_PIECES);
  encodeElements([numberElement(0x00020000, 'UL', rest.length)], options, meta);
  meta.append(rest);
  return meta;
}
