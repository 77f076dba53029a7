import type { DataElement } from '../../dicom/write/element';
import { numberElement, sequenceElement, textElement } from '../../dicom/write/element';
import { encodeDataset } from '../../dicom/write/encode-dataset';
import { encodeFileMeta } from '../../dicom/write/file-meta';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../dicom/transfer-syntaxes';
import type { RecordNode } from './records';

/** Media Storage Directory Storage (PS3.4 Annex I.4): the SOP class of a DICOMDIR. */
export const MEDIA_STORAGE_DIRECTORY_STORAGE = '1.2.840.10008.1.3.10';

const ENCODING = { vrEncoding: 'explicit', textEncoding: 'latin1' } as const;
/** preamble (128) + "DICM" (4) */
const PREAMBLE = 132;
/** Item tag and length (PS3.5 7.5) */
const ITEM_HEADER = 8;
/** Explicit VR SQ element header: tag, VR, 2 reserved bytes, 32-bit length (PS3.5 7.1.2) */
const SEQUENCE_HEADER = 12;

const OFFSET_FIRST = 0x00041200;
const OFFSET_LAST = 0x00041202;
const OFFSET_NEXT = 0x00041400;
const OFFSET_LOWER = 0x00041420;

/** Records in the order they are written: each record, then its children (depth first). */
function flatten(nodes: readonly RecordNode[]): RecordNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function recordItem(node: RecordNode, next: number, lower: number): DataElement[] {
  return [
    numberElement(OFFSET_NEXT, 'UL', next),
    // Record In-use Flag: retired in PS3.3 (2008) but Type 1 for older readers and dciodvfy; 0xFFFF = in use
    numberElement(0x00041410, 'US', 0xffff),
    numberElement(OFFSET_LOWER, 'UL', lower),
    textElement(0x00041430, 'CS', node.type),
    ...node.keys,
  ];
}

function header(fileSetId: string, first: number, last: number): DataElement[] {
  return [
    textElement(0x00041130, 'CS', fileSetId),
    numberElement(OFFSET_FIRST, 'UL', first),
    numberElement(OFFSET_LAST, 'UL', last),
    // File-set Consistency Flag: 0, no known inconsistencies (PS3.3 F.2.2.1)
    numberElement(0x00041212, 'US', 0),
  ];
}

export interface DicomdirInput {
  fileSetId: string;
  sopInstanceUid: string;
  roots: readonly RecordNode[];
}

/**
 * A DICOMDIR file (PS3.10 7.1 with the Basic Directory IOD, PS3.3 F.2-F.3) in Explicit VR Little
 * Endian. Every offset counts bytes from the first byte of the file (the preamble) to the Item tag of a
 * record: Offset of the First/Last Directory Record of the Root Directory Entity (0004,1200/1202),
 * Offset of the Next Directory Record (0004,1400, 0 for the last of its entity) and Offset of Referenced
 * Lower-Level Directory Entity (0004,1420, 0 when it has none). Offsets are fixed-size UL values, so the
 * records are encoded once with zeros to learn their lengths, then again with the offsets.
 */
export function encodeDicomdir(input: DicomdirInput): Uint8Array {
  const meta = encodeFileMeta({
    mediaStorageSopClassUid: MEDIA_STORAGE_DIRECTORY_STORAGE,
    mediaStorageSopInstanceUid: input.sopInstanceUid,
    transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
  });
  const records = flatten(input.roots);
  const sizes = records.map((node) => ITEM_HEADER + encodeDataset(recordItem(node, 0, 0), ENCODING).length);
  let at = PREAMBLE + meta.length + encodeDataset(header(input.fileSetId, 0, 0), ENCODING).length;
  at += SEQUENCE_HEADER;
  const offsets = new Map<RecordNode, number>();
  const positions = new Map<RecordNode, number>();
  records.forEach((node, i) => {
    positions.set(node, i);
    offsets.set(node, at);
    at += sizes[i] ?? 0;
  });
  const offsetOf = (node: RecordNode | undefined): number => (node ? (offsets.get(node) ?? 0) : 0);
  const items: DataElement[][] = [];
  const place = (siblings: readonly RecordNode[]): void => {
    siblings.forEach((node, i) => {
      items[positions.get(node) ?? 0] = recordItem(
        node,
        offsetOf(siblings[i + 1]),
        offsetOf(node.children[0]),
      );
      place(node.children);
    });
  };
  place(input.roots);
  const dataset = encodeDataset(
    [
      ...header(input.fileSetId, offsetOf(input.roots[0]), offsetOf(input.roots[input.roots.length - 1])),
      sequenceElement(0x00041220, items),
    ],
    ENCODING,
  );
  const preamble = Buffer.alloc(PREAMBLE);
  preamble.write('DICM', 128, 'latin1');
  const file = Buffer.concat([preamble, ...meta.list, dataset]);
  if (file.length !== at)
    throw new RangeError(`DICOMDIR layout: ${file.length} bytes written, ${at} planned`);
  return file;
}
