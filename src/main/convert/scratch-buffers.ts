/**
 * Buffers reused from file to file within one thread: a series of same-size slices then costs no large
 * allocation per file, hence no page faults on fresh memory and far less garbage collection. Safe
 * because a conversion renders, encodes, verifies and writes synchronously, and nothing it hands out
 * outlives its convertFile call.
 */
export type ScratchUse = 'rgb' | 'encoded' | 'read-back' | 'header' | 'frame';

/**
 * Larger buffers are not kept, so one huge file does not pin its size for the rest of the run (peak
 * memory stays a function of the largest file in flight, not of the folder). 16 MiB covers a
 * 2048 x 2048 RGB slice.
 */
export const KEEP_LIMIT = 16 * 2 ** 20;

const kept = new Map<ScratchUse, Uint8Array>();

/** A buffer of exactly `bytes` bytes for `use`, the same one as last time when the size is the same. */
export function scratchBuffer(use: ScratchUse, bytes: number): Uint8Array {
  const previous = kept.get(use);
  if (previous?.length === bytes) return previous;
  const fresh = new Uint8Array(bytes);
  if (bytes <= KEEP_LIMIT) kept.set(use, fresh);
  return fresh;
}

const views = new Map<ScratchUse, Uint8Array>();

/**
 * A view of exactly `bytes` bytes on a kept buffer at least that large, for sizes that wobble: encoded
 * slices of one series differ by a few bytes (UIDs and numbers of different lengths), so an exact-size
 * buffer was reallocated, zero-filled and collected on most files. Grown with 1/64 headroom.
 */
export function scratchView(use: ScratchUse, bytes: number): Uint8Array {
  const previous = views.get(use);
  if (previous && previous.length >= bytes) return previous.subarray(0, bytes);
  if (bytes > KEEP_LIMIT) return new Uint8Array(bytes);
  const fresh = new Uint8Array(Math.min(KEEP_LIMIT, bytes + (bytes >> 6)));
  views.set(use, fresh);
  return fresh.subarray(0, bytes);
}
