import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  earlierVersions,
  ledgerFolder,
  readLedger,
  recordDelivered,
  recordRejected,
} from '../../../src/main/versions/delivered-versions';
import type { InstanceLineage } from '../../../src/main/versions/instance-lineage';

const SC = '1.2.840.10008.5.1.4.1.1.7';
const instance = (sop: string, series: string, sources = ['src-A'], study = 'study-1'): InstanceLineage => ({
  sopClassUid: SC,
  sopInstanceUid: sop,
  studyInstanceUid: study,
  seriesInstanceUid: series,
  sources,
});

let config: string;
beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'dicom-ink-ledger-'));
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

describe('the ledger of versions delivered to a destination', () => {
  it('keeps destinations apart', () => {
    expect(ledgerFolder(config, 'dicom://A@h:1')).not.toBe(ledgerFolder(config, 'dicom://B@h:1'));
  });

  it('lists as earlier only delivered instances of the same source series in other series', async () => {
    const folder = ledgerFolder(config, 'dest');
    const v1 = [instance('1', 'v1'), instance('2', 'v1')];
    const otherSource = instance('3', 'w1', ['src-B']);
    const otherStudy = instance('4', 'x1', ['src-A'], 'study-2');
    await recordDelivered(folder, [...v1, otherSource, otherStudy]);
    const v2 = [instance('5', 'v2'), instance('6', 'v2')];
    await recordDelivered(folder, v2);
    const earlier = earlierVersions(await readLedger(folder), v2);
    expect(earlier.map((i) => i.sopInstanceUid).sort()).toEqual(['1', '2']);
  });

  it('never lists an instance again once a note rejected it', async () => {
    const folder = ledgerFolder(config, 'dest');
    await recordDelivered(folder, [instance('1', 'v1')]);
    await recordRejected(folder, 'note-1', ['1']);
    expect(earlierVersions(await readLedger(folder), [instance('5', 'v2')])).toEqual([]);
  });

  it('knows nothing of a destination nothing was delivered to', async () => {
    const ledger = await readLedger(ledgerFolder(config, 'never'));
    expect(ledger.delivered.size).toBe(0);
  });
});
