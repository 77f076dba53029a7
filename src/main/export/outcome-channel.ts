/**
 * Outcomes from a converter worker to the pool through shared memory, so that a worker does not wake
 * the main thread once per file. On a busy machine each postMessage that wakes an idle main thread cost
 * the worker ~0.25-0.5 ms (measured: the woken thread takes its core), as much as converting a small
 * file. The worker appends each outcome here as it finishes (a plain memory write) and posts a message
 * only when the pool should hear: its queue is half done, time has passed, or this ring is filling up.
 *
 * The ring outlives the worker (the pool owns the memory), so when a worker dies the pool still reads
 * every outcome it finished, and blames exactly the file it was converting.
 *
 * Layout: four Int32 counters, then CAPACITY bytes of records. A record is a 32-bit length and the
 * UTF-8 JSON of `{ id, outcome }`, padded to 4 bytes; it never wraps (a length of 0 says "go on at the
 * start"). WRITTEN and READ count bytes modulo 2^32 (CAPACITY divides 2^32).
 */
import type { FileOutcome } from '../convert/outcome';

const WRITTEN = 0;
const READ = 1;
/** the worker posts once it has finished this many files in all (the pool moves it as it feeds) */
const FLUSH_AT = 2;
const CONTROL_BYTES = 16;
const CAPACITY = 256 * 1024;

export interface ChannelRecord {
  id: number;
  outcome: FileOutcome;
}

interface Views {
  control: Int32Array;
  data: Uint8Array;
  view: DataView;
}

function viewsOf(memory: SharedArrayBuffer): Views {
  return {
    control: new Int32Array(memory, 0, CONTROL_BYTES / 4),
    data: new Uint8Array(memory, CONTROL_BYTES, CAPACITY),
    view: new DataView(memory, CONTROL_BYTES, CAPACITY),
  };
}

const padded = (length: number): number => (length + 3) & ~3;

export function createChannelMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(CONTROL_BYTES + CAPACITY);
}

/** The pool's side: tells the worker when to post, reads what it wrote. */
export interface ChannelReader {
  /** the worker posts once it has finished `count` files in all */
  flushAt(count: number): void;
  /** every record written since the last drain, oldest first */
  drain(): ChannelRecord[];
}

export function channelReader(memory: SharedArrayBuffer): ChannelReader {
  const { control, data, view } = viewsOf(memory);
  return {
    flushAt(count) {
      Atomics.store(control, FLUSH_AT, count);
    },
    drain() {
      const records: ChannelRecord[] = [];
      const written = Atomics.load(control, WRITTEN) >>> 0;
      let read = Atomics.load(control, READ) >>> 0;
      while (read !== written) {
        const at = read % CAPACITY;
        const length = view.getUint32(at, true);
        if (length === 0) {
          read = (read + CAPACITY - at) >>> 0;
          continue;
        }
        const text = Buffer.from(data.buffer, CONTROL_BYTES + at + 4, length).toString('utf8');
        records.push(JSON.parse(text) as ChannelRecord);
        read = (read + 4 + padded(length)) >>> 0;
      }
      Atomics.store(control, READ, read | 0);
      return records;
    },
  };
}

/** The worker's side. */
export interface ChannelWriter {
  /** appends a record; false when it does not fit (the caller then posts it as a message) */
  write(record: ChannelRecord): boolean;
  /** counts one more file finished; true when the pool asked to hear by now */
  finished(): boolean;
  /** more than half of the ring is waiting to be read */
  filling(): boolean;
}

export function channelWriter(memory: SharedArrayBuffer): ChannelWriter {
  const { control, data, view } = viewsOf(memory);
  const encoder = new TextEncoder();
  let finished = 0;
  const used = (): number => (Atomics.load(control, WRITTEN) - Atomics.load(control, READ)) >>> 0;
  return {
    write(record) {
      const bytes = encoder.encode(JSON.stringify(record));
      const need = 4 + padded(bytes.length);
      const written = Atomics.load(control, WRITTEN) >>> 0;
      let at = written % CAPACITY;
      const skip = at + need > CAPACITY ? CAPACITY - at : 0;
      if (bytes.length === 0 || used() + skip + need > CAPACITY) return false;
      if (skip > 0) {
        view.setUint32(at, 0, true);
        at = 0;
      }
      data.set(bytes, at + 4);
      view.setUint32(at, bytes.length, true);
      // Published only now, whole: a reader (or a dying worker) never sees half a record.
      Atomics.store(control, WRITTEN, (written + skip + need) | 0);
      return true;
    },
    finished() {
      finished++;
      return finished >= Atomics.load(control, FLUSH_AT);
    },
    filling() {
      return used() > CAPACITY / 2;
    },
  };
}
