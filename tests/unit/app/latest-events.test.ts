import { describe, expect, it } from 'vitest';
import { createLatestEvents } from '../../../src/main/app/bridge/latest-events';

describe('latest events replayed to a late event stream', () => {
  it('keeps the newest event of each scan, export and delivery, least recently updated first', () => {
    const latest = createLatestEvents();
    latest.remember('scan:progress', { libraryId: 'lib-1', filesSeen: 4, state: 'scanning' });
    latest.remember('export:progress', { jobId: 'job-1', done: 1, state: 'running' });
    latest.remember('scan:progress', { libraryId: 'lib-1', filesSeen: 24, state: 'done' });
    latest.remember('delivery:progress', { deliveryId: 'd-1', state: 'delivered' });
    expect(latest.replay()).toEqual([
      { channel: 'export:progress', payload: { jobId: 'job-1', done: 1, state: 'running' } },
      { channel: 'scan:progress', payload: { libraryId: 'lib-1', filesSeen: 24, state: 'done' } },
      { channel: 'delivery:progress', payload: { deliveryId: 'd-1', state: 'delivered' } },
    ]);
  });

  it('tells two subjects of one channel apart, and the same id on two channels apart', () => {
    const latest = createLatestEvents();
    latest.remember('scan:progress', { libraryId: 'lib-1', state: 'done' });
    latest.remember('scan:progress', { libraryId: 'lib-2', state: 'scanning' });
    latest.remember('export:progress', { jobId: 'lib-1', state: 'running' });
    expect(latest.replay().map((event) => event.channel)).toEqual([
      'scan:progress',
      'scan:progress',
      'export:progress',
    ]);
  });

  it('forgets the oldest subject beyond its limit and ignores payloads without a subject', () => {
    const latest = createLatestEvents(2);
    latest.remember('scan:progress', { state: 'done' });
    latest.remember('scan:progress', 'not an object');
    for (const id of ['a', 'b', 'c']) latest.remember('export:progress', { jobId: id });
    expect(latest.replay().map((event) => (event.payload as { jobId: string }).jobId)).toEqual(['b', 'c']);
  });
});
