import { normaliseRelativePath } from './match';
import type { ImageIdentity } from './match';
import type { BoxRecord, BoxTarget } from './model';
import { ByteWriter, decodeOrigin, decodeRecord, decodeTarget, encodedSize, encodeRecord } from './row-codec';

/**
 * A job's box rows packed once into shared memory: every converter thread looks rows up in this one
 * copy and decodes only the rows of the image at hand, and the main thread reads origins and targets
 * from it for the summary. (Each thread used to receive and index its own clone of every row: at
 * 100,000 rows that was ~50 MB of heap per thread, and the main thread held the rows as objects too.)
 *
 * Two key tables find rows: by the image a row names (a hash of its kind and key) and by origin. Each
 * is a hash array sorted by (hash, row) beside the row numbers, binary-searched; a hash only proposes
 * rows, the decoded key decides, so colliding keys never mix.
 *
 * Plain data of SharedArrayBuffers: a worker receives it in workerData without a copy.
 */
export interface PackedBoxes {
  count: number;
  /** the rows, encoded one after the other (row-codec.ts) */
  rows: SharedArrayBuffer;
  /** float64 byte offset of each row in `rows`, then the end */
  offsets: SharedArrayBuffer;
  /** uint32 hashes of each row's image key, sorted, then the uint32 row of each */
  imageKeys: SharedArrayBuffer;
  /** the same for each row's origin */
  originKeys: SharedArrayBuffer;
}

/** FNV-1a over a key's UTF-16 code units, after a one-unit prefix saying what kind of key it is. */
function hashKey(prefix: string, key: string): number {
  let hash = 0x811c9dc5;
  const step = (unit: number): void => {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193);
  };
  step(prefix.charCodeAt(0));
  for (let i = 0; i < key.length; i++) step(key.charCodeAt(i));
  return hash >>> 0;
}

const SOP = 's';
const FILE = 'f';
const SERIES_INSTANCE = 'n';
const ORIGIN = 'o';

function seriesInstanceKey(seriesInstanceUid: string, instanceNumber: number): string {
  return `${seriesInstanceUid}\u0000${instanceNumber}`;
}

function targetHash(target: BoxTarget): number {
  switch (target.kind) {
    case 'sop':
      return hashKey(SOP, target.sopInstanceUid);
    case 'file':
      return hashKey(FILE, normaliseRelativePath(target.file));
    case 'series-instance':
      return hashKey(SERIES_INSTANCE, seriesInstanceKey(target.seriesInstanceUid, target.instanceNumber));
  }
}

/** `hashes` sorted with the row numbers alongside (ties in row order), in one shared buffer. */
function keyTable(hashes: Uint32Array): SharedArrayBuffer {
  const count = hashes.length;
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => (hashes[a] ?? 0) - (hashes[b] ?? 0) || a - b);
  const memory = new SharedArrayBuffer(count * 8);
  const sortedHashes = new Uint32Array(memory, 0, count);
  const rows = new Uint32Array(memory, count * 4, count);
  for (let i = 0; i < count; i++) {
    const row = order[i] ?? 0;
    sortedHashes[i] = hashes[row] ?? 0;
    rows[i] = row;
  }
  return memory;
}

/** A typed array at least `needed` long holding `array`'s first `used` values (doubling). */
function grown<T extends Uint8Array | Uint32Array | Float64Array>(
  array: T,
  used: number,
  needed: number,
  make: (length: number) => T,
): T {
  if (needed <= array.length) return array;
  let length = Math.max(array.length * 2, 1024);
  while (length < needed) length *= 2;
  const copy = make(length);
  copy.set(array.subarray(0, used));
  return copy;
}

/** Copies the first `length` bytes of `view` into new shared memory. */
function shared(view: Uint8Array | Uint32Array | Float64Array, length: number): SharedArrayBuffer {
  const bytes = length * view.BYTES_PER_ELEMENT;
  const memory = new SharedArrayBuffer(bytes);
  new Uint8Array(memory).set(new Uint8Array(view.buffer, view.byteOffset, bytes));
  return memory;
}

/**
 * Packs rows one at a time as they are read, so a large box file's rows are never all held as objects:
 * each is encoded and dropped. The order rows are added in is kept (it decides drawing order and so the
 * output's bytes).
 */
export interface BoxPacker {
  add(record: BoxRecord): void;
  /** the rows added so far, in shared memory (the packer is not used after) */
  finish(): PackedBoxes;
}

export function createBoxPacker(): BoxPacker {
  let bytes = new Uint8Array(0);
  let size = 0;
  let offsets = new Float64Array(0);
  let imageHashes = new Uint32Array(0);
  let originHashes = new Uint32Array(0);
  let count = 0;
  return {
    add(record) {
      const length = encodedSize(record);
      bytes = grown(bytes, size, size + length, (n) => new Uint8Array(n));
      offsets = grown(offsets, count, count + 2, (n) => new Float64Array(n));
      imageHashes = grown(imageHashes, count, count + 1, (n) => new Uint32Array(n));
      originHashes = grown(originHashes, count, count + 1, (n) => new Uint32Array(n));
      offsets[count] = size;
      encodeRecord(new ByteWriter(bytes.buffer, size), record);
      imageHashes[count] = targetHash(record.target);
      originHashes[count] = hashKey(ORIGIN, record.origin);
      size += length;
      count++;
    },
    finish() {
      offsets = grown(offsets, count, count + 1, (n) => new Float64Array(n));
      offsets[count] = size;
      return {
        count,
        rows: shared(bytes, size),
        offsets: shared(offsets, count + 1),
        imageKeys: keyTable(imageHashes.subarray(0, count)),
        originKeys: keyTable(originHashes.subarray(0, count)),
      };
    },
  };
}

/** Packs rows already read, in their order. */
export function packBoxes(records: readonly BoxRecord[]): PackedBoxes {
  const packer = createBoxPacker();
  for (const record of records) packer.add(record);
  return packer.finish();
}

/** Reads a PackedBoxes: the rows an image or an origin names, a row's record, origin or target. */
export interface PackedBoxReader {
  readonly count: number;
  record(row: number): BoxRecord;
  origin(row: number): string;
  target(row: number): { origin: string; target: BoxTarget };
  /** every row naming this image (all frames), in the order BoxIndex gave: by SOP, file, series + instance */
  boxesForImage(image: ImageIdentity): BoxRecord[];
  /** the rows whose origin is `origin`, in row order */
  rowsWithOrigin(origin: string): number[];
}

interface Table {
  hashes: Uint32Array;
  rows: Uint32Array;
}

function tableOf(memory: SharedArrayBuffer, count: number): Table {
  return { hashes: new Uint32Array(memory, 0, count), rows: new Uint32Array(memory, count * 4, count) };
}

/** The rows whose key hashes to `hash`, in row order. */
function candidates(table: Table, hash: number): number[] {
  const { hashes, rows } = table;
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((hashes[mid] ?? 0) < hash) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let i = low; i < hashes.length && hashes[i] === hash; i++) found.push(rows[i] ?? 0);
  return found;
}

export function readPackedBoxes(packed: PackedBoxes): PackedBoxReader {
  const view = new DataView(packed.rows);
  const offsets = new Float64Array(packed.offsets);
  const images = tableOf(packed.imageKeys, packed.count);
  const origins = tableOf(packed.originKeys, packed.count);
  const at = (row: number): number => offsets[row] ?? 0;
  const reader: PackedBoxReader = {
    count: packed.count,
    record: (row) => decodeRecord(view, at(row)),
    origin: (row) => decodeOrigin(view, at(row)),
    target: (row) => decodeTarget(view, at(row)),
    boxesForImage(image) {
      const matching = (hash: number, names: (target: BoxTarget) => boolean): BoxRecord[] =>
        candidates(images, hash)
          .filter((row) => names(reader.target(row).target))
          .map((row) => reader.record(row));
      const path = normaliseRelativePath(image.relativePath);
      const found = [
        ...matching(
          hashKey(SOP, image.sopInstanceUid),
          (t) => t.kind === 'sop' && t.sopInstanceUid === image.sopInstanceUid,
        ),
        ...matching(hashKey(FILE, path), (t) => t.kind === 'file' && normaliseRelativePath(t.file) === path),
      ];
      if (image.instanceNumber !== undefined) {
        const key = seriesInstanceKey(image.seriesInstanceUid, image.instanceNumber);
        found.push(
          ...matching(
            hashKey(SERIES_INSTANCE, key),
            (t) =>
              t.kind === 'series-instance' &&
              seriesInstanceKey(t.seriesInstanceUid, t.instanceNumber) === key,
          ),
        );
      }
      return found;
    },
    rowsWithOrigin(origin) {
      return candidates(origins, hashKey(ORIGIN, origin)).filter((row) => reader.origin(row) === origin);
    },
  };
  return reader;
}
