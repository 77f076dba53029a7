/**
 * Issue 11: the presentation state and the report go where the images go. `convert --twin both --send`
 * to a real Orthanc (C-STORE on loopback) stores the burned-in copies, the GSPS and the SR in the same
 * study as the originals, which are uploaded beside them.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { ORTHANC_AET, getJson, startOrthanc, uploadFile, type OrthancServer } from '../helpers/orthanc';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');

let server: OrthancServer | undefined;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-twin-orthanc-'));
  server = await startOrthanc({ dicom: true });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface SeriesResource {
  MainDicomTags: { Modality?: string; SeriesInstanceUID: string };
  Instances: string[];
}

describe('convert --twin both --send', () => {
  it('stores SC, GSPS and SR in the study of the originals', { timeout: 300_000 }, async () => {
    const orthanc = server as OrthancServer;
    const run = runCli(
      [
        'convert',
        SAMPLE,
        '--out',
        join(dir, 'out'),
        '--window',
        'abdomen',
        '--labels',
        '--quiet',
        '--boxes',
        join(REPO, 'assets', 'sample', 'boxes.csv'),
        '--twin',
        'both',
        '--send',
        `dicom://${ORTHANC_AET}@127.0.0.1:${String(orthanc.dicomPort)}`,
      ],
      { timeoutMs: 300_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const name of readdirSync(join(SAMPLE, 'series-1')))
      await uploadFile(orthanc, join(SAMPLE, 'series-1', name));
    const studies = await getJson<string[]>(orthanc, '/studies');
    expect(studies).toHaveLength(1);
    const series = await getJson<SeriesResource[]>(orthanc, `/studies/${studies[0] ?? ''}/series?expand`);
    const byModality = new Map(series.map((s) => [s.MainDicomTags.Modality ?? '', s.Instances.length]));
    // originals (CT) and the burned-in copies (CT modality kept, a new series), the GSPS (PR), the SR
    expect(series).toHaveLength(4);
    expect(byModality.get('PR')).toBe(1);
    expect(byModality.get('SR')).toBe(1);
    expect(series.filter((s) => s.MainDicomTags.Modality === 'CT').map((s) => s.Instances.length)).toEqual([
      24, 24,
    ]);
  });
});
