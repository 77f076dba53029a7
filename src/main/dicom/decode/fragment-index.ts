import type { FileBytes } from '../file-bytes';
import type { Fragment } from './fragments';

const ITEM = 0xfffee000;
const SEQUENCE_DELIMITER = 0xfffee0dd;
/** A Basic Offset Table holds one 32-bit offset per frame; more than this is not a real table. */
const MAX_OFFSET_TABLE_BYTES = 64 * 2 ** 20;

export interface FragmentIndex {
  /** the Basic Offset Table (empty when the item is empty) */
  offsets: number[];
  /** every fragment, with the first bytes of its value (enough for a codestream start marker) */
  fragments: Fragment[];
}

function tagAt(bytes: Uint8Array, at: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ((view.getUint16(at, true) << 16) | view.getUint16(at + 2, true)) >>> 0;
}

function hex(tag: number): string {
  const text = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${text.slice(0, 4)},${text.slice(4)})`;
}

/**
 * Indexes encapsulated Pixel Data (PS3.5 A.4) in one walk over its items, reading each item's 8-byte
 * header and the first 4 bytes of its value, never the fragments themselves: the Basic Offset Table
 * item first, then one Item (FFFE,E000) per fragment up to the Sequence Delimitation Item. A missing
 * delimiter at the end of the file is tolerated (as other readers do); a fragment that runs past the
 * end is a truncated file. `valueStart` is the file position just after the Pixel Data element header.
 */
export function indexFragments(file: FileBytes, valueStart: number): FragmentIndex | string {
  const first = file.readUpTo(valueStart, 8);
  if (first.length < 8) return 'file is truncated: encapsulated Pixel Data has no Basic Offset Table item';
  if (tagAt(first, 0) !== ITEM) {
    return `encapsulated Pixel Data starts with ${hex(tagAt(first, 0))}, not the Basic Offset Table item: the file is corrupt`;
  }
  const tableBytes = new DataView(first.buffer, first.byteOffset).getUint32(4, true);
  if (tableBytes % 4 !== 0 || tableBytes > MAX_OFFSET_TABLE_BYTES) {
    return `the Basic Offset Table has ${tableBytes} bytes, not a whole number of 32-bit offsets: the file is corrupt`;
  }
  const table = file.readUpTo(valueStart + 8, tableBytes);
  if (table.length < tableBytes) return 'file is truncated inside the Basic Offset Table';
  const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const offsets = Array.from({ length: tableBytes / 4 }, (_, i) => tableView.getUint32(4 * i, true));
  const fragments: Fragment[] = [];
  const base = valueStart + 8 + tableBytes;
  let at = base;
  while (at + 8 <= file.size) {
    const head = file.readUpTo(at, 12);
    const tag = tagAt(head, 0);
    if (tag === SEQUENCE_DELIMITER) break;
    if (tag !== ITEM) {
      return `Pixel Data fragment ${fragments.length + 1} has tag ${hex(tag)}, not an Item (FFFE,E000): the file is corrupt`;
    }
    const length = new DataView(head.buffer, head.byteOffset).getUint32(4, true);
    const present = file.size - (at + 8);
    if (length > present) {
      return `file is truncated: Pixel Data fragment ${fragments.length + 1} needs ${length} bytes, ${present} present`;
    }
    fragments.push({ offset: at - base, position: at + 8, length, head: head.slice(8) });
    at += 8 + length;
  }
  return { offsets, fragments };
}
