/**
 * Decoded frames kept in the renderer: a bounded LRU (so a 500-slice series does not hold 500 frames), the
 * frames already here returned synchronously (a slice change then costs only the render), and neighbours
 * prefetched a few at a time (`prefetchConcurrency`, default 1), nearest first, so prefetching keeps
 * ahead of a fast scroll without flooding main while the user waits for one frame. Loads the
 * viewer no longer needs (the user scrolled past them) are cancelled, so main stops decoding them.
 */
export interface Cancelled {
  cancelled: true;
}

export const CANCELLED: Cancelled = { cancelled: true };

/** `signal` aborts when the cache no longer wants the frame; the loader may then answer CANCELLED. */
export type Loader<T> = (
  key: string,
  signal: AbortSignal,
) => Promise<{ ok: true; value: T } | { ok: false; error: string } | Cancelled>;

export type Entry<T> =
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: string }
  | { state: 'loading'; promise: Promise<void> };

type Done<T> = Exclude<Entry<T>, { state: 'loading' }>;

/** What a load ends with: a cached entry, or 'cancelled', which is never cached (nor an error to show). */
export type Outcome<T> = Done<T> | { state: 'cancelled' };

export interface LoadOptions {
  /** the load may be cancelled by cancelStale (the viewer's slices); others (thumbnails) never are */
  cancellable?: boolean;
}

export interface FrameCache<T> {
  /** the entry if present (and marks it recently used) */
  peek(key: string): Entry<T> | undefined;
  /** loads (or joins the load of) one frame */
  load(key: string, options?: LoadOptions): Promise<Outcome<T>>;
  /** queues keys for cancellable background loading, nearest first; replaces the previous queue */
  prefetch(keys: readonly string[]): void;
  /** cancels the cancellable loads and queued prefetches not in `keep`; returns how many loads it cancelled */
  cancelStale(keep: readonly string[]): number;
  size(): number;
}

interface Flight<T> {
  entry: Entry<T>;
  controller: AbortController;
  cancellable: boolean;
  done: Promise<Outcome<T>>;
}

const CANCELLED_OUTCOME = { state: 'cancelled' } as const;

export interface FrameCacheOptions {
  /**
   * prefetch loads in flight at once (default 1). Each load is a round trip through several processes;
   * on a busy machine most of it is waiting for a core, so two in flight overlap those waits.
   */
  prefetchConcurrency?: number;
}

export function createFrameCache<T>(
  loader: Loader<T>,
  capacity: number,
  options: FrameCacheOptions = {},
): FrameCache<T> {
  const entries = new Map<string, Entry<T>>();
  const flights = new Map<string, Flight<T>>();
  const concurrency = Math.max(1, options.prefetchConcurrency ?? 1);
  let queue: string[] = [];
  let prefetching = 0;

  const touch = (key: string, entry: Entry<T>): void => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  const outcomeOf = async (key: string, signal: AbortSignal): Promise<Done<T> | Cancelled> => {
    try {
      const result = await loader(key, signal);
      if ('cancelled' in result) return result;
      return result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error };
    } catch (error) {
      return { state: 'failed', error: String(error) };
    }
  };

  const start = (key: string, cancellable: boolean): Flight<T> => {
    const controller = new AbortController();
    const { signal } = controller;
    // Settles at the abort itself, not when main answers: a stale load never holds up the prefetch queue.
    const aborted = new Promise<Cancelled>((resolve) =>
      signal.addEventListener('abort', () => resolve(CANCELLED), { once: true }),
    );
    const settled = Promise.race([outcomeOf(key, signal), aborted]).then((result): Outcome<T> => {
      if (flights.get(key) === flight) flights.delete(key);
      const mine = entries.get(key) === flight.entry;
      if ('cancelled' in result || signal.aborted) {
        if (mine) entries.delete(key);
        return CANCELLED_OUTCOME;
      }
      // A newer load of the same key owns the entry now; otherwise keep the frame (even if evicted meanwhile).
      if (mine || !entries.has(key)) touch(key, result);
      return result;
    });
    const flight: Flight<T> = {
      entry: { state: 'loading', promise: settled.then(() => undefined) },
      controller,
      cancellable,
      done: settled,
    };
    flights.set(key, flight);
    touch(key, flight.entry);
    return flight;
  };

  const load = async (key: string, options: LoadOptions = {}): Promise<Outcome<T>> => {
    const cancellable = options.cancellable ?? false;
    const flight = flights.get(key);
    if (flight) {
      // A load that must not be cancelled makes the one it joins uncancellable too.
      if (!cancellable) flight.cancellable = false;
      return flight.done;
    }
    const present = entries.get(key);
    if (present && present.state !== 'loading') {
      touch(key, present);
      return present;
    }
    return start(key, cancellable).done;
  };

  /** One prefetching lane: takes the nearest queued key, loads it, takes the next. */
  const pump = async (): Promise<void> => {
    prefetching++;
    while (queue.length > 0) {
      const key = queue.shift();
      if (key !== undefined && !entries.has(key)) await load(key, { cancellable: true });
    }
    prefetching--;
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
      while (prefetching < Math.min(concurrency, queue.length)) void pump();
    },
    cancelStale(keep) {
      const wanted = new Set(keep);
      queue = queue.filter((key) => wanted.has(key));
      let cancelled = 0;
      for (const [key, flight] of [...flights]) {
        if (wanted.has(key) || !flight.cancellable) continue;
        flights.delete(key);
        if (entries.get(key) === flight.entry) entries.delete(key);
        flight.controller.abort();
        cancelled++;
      }
      return cancelled;
    },
    size: () => entries.size,
  };
}
