/**
 * Issue 22: versions of a derived series in a real PACS (Orthanc, C-STORE on loopback). Version 1 of the
 * bundled sample with its boxes is sent; version 2, with one box moved, written over it (--overwrite)
 * and sent: two complete derived series (every InstanceNumber once) told apart by Series Number and
 * Description; version 2 sent again adds nothing; `send --supersede` stores exactly one IHE IOCM
 * Rejection Note listing exactly version 1's instances (images and twins), which dciodvfy accepts; a
 * delivery with a failed instance sends none. The same across `--shard 1/2` and `2/2`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli-harness';
import { dciodvfy } from '../helpers/dicom-tools';
import { ORTHANC_AET, getBytes, getJson, startOrthanc, type OrthancServer } from '../helpers/orthanc';

const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
const BOXES = join(REPO, 'assets', 'sample', 'boxes.csv');
const TIMEOUT = { timeout: 300_000 };

interface SeriesResource {
  ID: string;
  MainDicomTags: {
    Modality?: string;
    SeriesInstanceUID: string;
    SeriesNumber?: string;
    SeriesDescription?: string;
  };
  Instances: string[];
}

interface InstanceResource {
  ID: string;
  MainDicomTags: { SOPInstanceUID: string; InstanceNumber?: string };
}

let dir: string;
let servers: OrthancServer[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-versions-'));
  // The per-destination ledger of delivered versions lives in the configuration folder: one per run.
  process.env.DICOM_INK_CONFIG_DIR = join(dir, 'config');
  servers = await Promise.all([startOrthanc({ dicom: true }), startOrthanc({ dicom: true })]);
  // Version 2's findings: the first box moved 5 pixels right and down, everything else the same.
  const lines = readFileSync(BOXES, 'utf8').split('\n');
  const [header = '', first = '', ...rest] = lines;
  const fields = first.split(',');
  // columns: series_instance_uid, instance_number, frame, x1, y1, x2, y2, label, score
  const moved = fields.map((field, i) => (i >= 3 && i <= 6 ? String(Number(field) + 5) : field)).join(',');
  expect(moved).not.toBe(first);
  writeFileSync(join(dir, 'boxes-v2.csv'), [header, moved, ...rest].join('\n'));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

function destination(server: OrthancServer): string {
  return `dicom://${ORTHANC_AET}@127.0.0.1:${String(server.dicomPort)}`;
}

function cli(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const run = runCli(args, { timeoutMs: 300_000 });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}

async function allSeries(server: OrthancServer): Promise<SeriesResource[]> {
  return getJson<SeriesResource[]>(server, '/series?expand');
}

async function instancesOf(server: OrthancServer, series: SeriesResource): Promise<InstanceResource[]> {
  return getJson<InstanceResource[]>(server, `/series/${series.ID}/instances`);
}

function byDescription(series: readonly SeriesResource[], text: string): SeriesResource[] {
  return series.filter((s) => (s.MainDicomTags.SeriesDescription ?? '').includes(text));
}

/** Every SOP Instance UID of these series, sorted. */
async function sopUids(server: OrthancServer, series: readonly SeriesResource[]): Promise<string[]> {
  const lists = await Promise.all(series.map((s) => instancesOf(server, s)));
  return lists.flatMap((l) => l.map((i) => i.MainDicomTags.SOPInstanceUID)).sort();
}

interface NoteTags {
  ConceptNameCodeSequence: { CodeValue: string; CodingSchemeDesignator: string; CodeMeaning: string }[];
  StudyInstanceUID: string;
  CurrentRequestedProcedureEvidenceSequence: {
    ReferencedSeriesSequence: { ReferencedSOPSequence: { ReferencedSOPInstanceUID: string }[] }[];
  }[];
}

/** The one Rejection Note Orthanc holds: its listed instances, and dciodvfy's errors on the stored file. */
async function rejectionNote(
  server: OrthancServer,
): Promise<{ listed: string[]; errors: string[]; tags: NoteTags }> {
  const notes = (await allSeries(server)).filter((s) => s.MainDicomTags.Modality === 'KO');
  expect(notes).toHaveLength(1);
  expect(notes[0]?.Instances).toHaveLength(1);
  const id = notes[0]?.Instances[0] ?? '';
  const tags = await getJson<NoteTags>(server, `/instances/${id}/tags?simplify`);
  const file = join(dir, `note-${id}.dcm`);
  writeFileSync(file, await getBytes(server, `/instances/${id}/file`));
  const listed = tags.CurrentRequestedProcedureEvidenceSequence.flatMap((e) =>
    e.ReferencedSeriesSequence.flatMap((s) => s.ReferencedSOPSequence.map((r) => r.ReferencedSOPInstanceUID)),
  );
  return { listed: listed.sort(), errors: dciodvfy(file).errors, tags };
}

async function instanceCount(server: OrthancServer): Promise<number> {
  return (await getJson<string[]>(server, '/instances')).length;
}

describe('versions of a derived series in Orthanc', () => {
  const out = (): string => join(dir, 'out');

  it('version 2 is a second complete series, told apart by number and description', TIMEOUT, async () => {
    const orthanc = servers[0] as OrthancServer;
    const common = ['convert', SAMPLE, '--out', out(), '--window', 'abdomen', '--twin', 'both', '--quiet'];
    const report = join(dir, 'v1.jsonl');
    const v1 = cli([...common, '--boxes', BOXES, '--send', destination(orthanc), '--report', report]);
    expect(v1.stderr).toBe('');
    expect(v1.code).toBe(0);
    expect(v1.stdout).toMatch(/Version v1 [0-9A-F]{6}, 6 findings in /);
    // the JSON Lines report carries the series identity: each output's series, the version on the end line
    const lines = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const outputSeries = new Set(lines.filter((l) => l.type === 'outcome').map((l) => l.seriesInstanceUid));
    expect(outputSeries.size).toBe(1);
    expect(lines.at(-1)?.version).toMatchObject({ ordinal: 1, findings: 6, folder: out() });
    const v2 = cli([
      ...common,
      '--boxes',
      join(dir, 'boxes-v2.csv'),
      '--overwrite',
      '--send',
      destination(orthanc),
    ]);
    expect(v2.stderr).toBe('');
    expect(v2.code).toBe(0);
    expect(v2.stdout).toMatch(/Version v2 [0-9A-F]{6}, 6 findings in /);
    const series = await allSeries(orthanc);
    const derived = series.filter((s) => s.MainDicomTags.Modality === 'CT');
    expect(derived).toHaveLength(2);
    const v1Series = derived.find((s) => s.MainDicomTags.SeriesNumber === '1001');
    expect(outputSeries.has(v1Series?.MainDicomTags.SeriesInstanceUID)).toBe(true);
    const numbers = derived.map((s) => s.MainDicomTags.SeriesNumber).sort();
    expect(numbers).toEqual(['1001', '11001']);
    for (const s of derived) {
      const instances = await instancesOf(orthanc, s);
      const instanceNumbers = instances
        .map((i) => Number(i.MainDicomTags.InstanceNumber))
        .sort((a, b) => a - b);
      expect(instanceNumbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    }
    expect(byDescription(derived, ' v1 ')).toHaveLength(1);
    expect(byDescription(derived, ' v2 ')).toHaveLength(1);
    // each version's presentation state and report are in series of their own version
    expect(byDescription(series, 'findings overlay v1 ')).toHaveLength(1);
    expect(byDescription(series, 'findings overlay v2 ')).toHaveLength(1);
    expect(byDescription(series, 'findings report v2 ')).toHaveLength(1);
    expect(series.filter((s) => s.MainDicomTags.Modality === 'KO')).toHaveLength(0);
  });

  it('version 2 sent again adds nothing', TIMEOUT, async () => {
    const orthanc = servers[0] as OrthancServer;
    const before = await instanceCount(orthanc);
    const again = cli(['send', out(), '--to', destination(orthanc), '--resend', '--quiet']);
    expect(again.code).toBe(0);
    expect(await instanceCount(orthanc)).toBe(before);
    // the folder's version registry is bookkeeping: neither sent nor packed, not even listed as skipped
    expect(again.stdout).toMatch(/^26 delivered .* 0 skipped/);
    const packed = cli(['pack', out(), '--zip', join(dir, 'v2.zip'), '--no-originals', '--quiet']);
    expect(packed.code).toBe(0);
    expect(packed.stdout).toMatch(/^26 files written to ZIP /);
    expect(packed.stdout).not.toContain('skipped');
  });

  it('a delivery with a failed instance withdraws nothing', TIMEOUT, async () => {
    const orthanc = servers[0] as OrthancServer;
    const broken = join(dir, 'broken');
    cpSync(out(), broken, { recursive: true });
    // A DICOM file without its UIDs: read, but no PACS can store it (a failed instance, not a skip).
    const bytes = Buffer.alloc(132 + 12);
    bytes.write('DICM', 128, 'latin1');
    writeFileSync(join(broken, 'no-uids.dcm'), bytes);
    const run = cli(['send', broken, '--to', destination(orthanc), '--supersede', '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no Rejection Note sent, the earlier version stays');
    expect((await allSeries(orthanc)).filter((s) => s.MainDicomTags.Modality === 'KO')).toHaveLength(0);
  });

  it(
    '--supersede sends one Rejection Note listing exactly version 1 (images and twins)',
    TIMEOUT,
    async () => {
      const orthanc = servers[0] as OrthancServer;
      const run = cli(['send', out(), '--to', destination(orthanc), '--supersede', '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /Rejection Note sent to .*: 26 instance\(s\) of the earlier version withdrawn/,
      );
      const series = await allSeries(orthanc);
      const v1 = await sopUids(orthanc, byDescription(series, ' v1 '));
      expect(v1).toHaveLength(24 + 1 + 1);
      const note = await rejectionNote(orthanc);
      expect(note.listed).toEqual(v1);
      expect(note.tags.ConceptNameCodeSequence[0]).toMatchObject({
        CodeValue: '113001',
        CodingSchemeDesignator: 'DCM',
        CodeMeaning: 'Rejected for Quality Reasons',
      });
      expect(note.errors).toEqual([]);
      // sent again: the earlier version is already withdrawn, no second note
      const again = cli(['send', out(), '--to', destination(orthanc), '--supersede', '--quiet']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('No Rejection Note: no earlier version');
      expect((await rejectionNote(orthanc)).listed).toEqual(v1);
    },
  );

  it('the same across --shard 1/2 and 2/2', TIMEOUT, async () => {
    const orthanc = servers[1] as OrthancServer;
    const shard = (index: number, boxes: string, more: string[] = []): void => {
      const run = cli([
        'convert',
        SAMPLE,
        '--out',
        join(dir, `shard-${index}`),
        '--window',
        'abdomen',
        '--boxes',
        boxes,
        '--shard',
        `${index}/2`,
        '--send',
        destination(orthanc),
        '--quiet',
        ...more,
      ]);
      expect(run.stderr).toBe('');
      expect([0, 3]).toContain(run.code);
    };
    shard(1, BOXES);
    shard(2, BOXES);
    shard(1, join(dir, 'boxes-v2.csv'), ['--overwrite']);
    shard(2, join(dir, 'boxes-v2.csv'), ['--overwrite']);
    const derived = (await allSeries(orthanc)).filter((s) => s.MainDicomTags.Modality === 'CT');
    expect(derived.map((s) => s.MainDicomTags.SeriesNumber).sort()).toEqual(['1001', '11001']);
    for (const s of derived) expect(s.Instances).toHaveLength(24);
    const run = cli([
      'send',
      join(dir, 'shard-1'),
      join(dir, 'shard-2'),
      '--to',
      destination(orthanc),
      '--supersede',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const note = await rejectionNote(orthanc);
    expect(note.listed).toEqual(await sopUids(orthanc, byDescription(derived, ' v1 ')));
    expect(note.listed).toHaveLength(24);
    expect(note.errors).toEqual([]);
  });
});
