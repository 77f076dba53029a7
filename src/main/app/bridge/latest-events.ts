/**
 * The newest event about each scan, export and delivery, kept so that an event stream that connects late
 * (the page's EventSource opens after its first snapshot request was answered, or reconnects after a drop)
 * is told where everything stands at once. Without it an event sent in that gap is lost, and a page can
 * show "4 files read" of a scan that finished long ago. Every listener in the renderer keeps the latest
 * event by its subject's id, so hearing one again changes nothing.
 */
import type { EventChannel } from '../../../shared/ipc/contract';

/** Which field of each channel's payload names what the event is about. */
const SUBJECT_FIELD: Record<EventChannel, string> = {
  'scan:progress': 'libraryId',
  'export:progress': 'jobId',
  'delivery:progress': 'deliveryId',
};

export interface ChannelEvent {
  channel: EventChannel;
  payload: unknown;
}

export interface LatestEvents {
  remember(channel: EventChannel, payload: unknown): void;
  /** the newest event of every subject, the least recently updated first */
  replay(): ChannelEvent[];
}

function subjectOf(channel: EventChannel, payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const value = (payload as Record<string, unknown>)[SUBJECT_FIELD[channel]];
  return typeof value === 'string' ? value : undefined;
}

/** `limit`: subjects kept in all (the oldest is forgotten first); a session has a handful, not thousands. */
export function createLatestEvents(limit = 256): LatestEvents {
  const latest = new Map<string, ChannelEvent>();
  return {
    remember(channel, payload) {
      const subject = subjectOf(channel, payload);
      if (subject === undefined) return;
      const key = `${channel}\n${subject}`;
      latest.delete(key); // re-inserted last: the map's order is the order of the latest updates
      latest.set(key, { channel, payload });
      if (latest.size > limit) latest.delete(latest.keys().next().value as string);
    },
    replay: () => [...latest.values()],
  };
}
