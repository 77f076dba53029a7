/**
 * Decoded frames kept in the renderer: a bounded LRU (so a 500-slice series does not hold 500 frames), the
 * frames already here returned synchronously (a slice change then costs only the render), and neighbours
 * prefetched one at a time so prefetching never competes with the frame the user asked for.
 */
export type Loader<T> = (key: string) => Promise<{ ok: true; value: T } | { ok: false; error: string }>;

export type Entry<T> =
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: string }
  | { state: 'loading'; promise: Promise<void> };

export interface FrameCache<T> {
  /** the entry if present (and marks it recently used) */
  peek(key: string): Entry<T> | undefined;
  /** loads (or joins the load of) one frame */
  load(key: string): Promise<Entry<T>>;
  /** queues keys for background loading, nearest first; replaces the previous queue */
  prefetch(keys: readonly string[]): void;
  size(): number;
}

export function createFrameCache<T>(loader: Loader<T>, capacity: number): FrameCache<T> {
  const entries = new Map<string, Entry<T>>();
  let queue: string[] = [];
  let prefetching = false;

  const touch = (key: string, entry: Entry<T>): void => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  const load = async (key: string): Promise<Entry<T>> => {
    const present = entries.get(key);
    if (present?.state === 'loading') await present.promise;
    else if (present) return present;
    else {
      const promise = loader(key).then(
        (result) =>
          touch(
            key,
            result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error },
          ),
        (error: unknown) => touch(key, { state: 'failed', error: String(error) }),
      );
      touch(key, { state: 'loading', promise });
      await promise;
    }
    return entries.get(key) ?? { state: 'failed', error: 'The frame was evicted while loading; try again.' };
  };

  const pump = async (): Promise<void> => {
    if (prefetching) return;
    prefetching = true;
    while (queue.length > 0) {
      const key = queue.shift();
      if (key !== undefined && !entries.has(key)) await load(key);
    }
    prefetching = false;
  };

  return {
    peek(key) {
      const entry = entries.get(key);
      if (entry) touch(key, entry);
      return entry;
    },
    load,
    prefetch(keys) {
      queue = keys.filter((key) => !entries.has(key)).slice(0, capacity - 1);
      void pump();
    },
    size: () => entries.size,
  };
}
