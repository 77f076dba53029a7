/**
 * The delivery commands as a user runs them (issue 10): named destinations, echo, send, and
 * `convert --send --zip` with its delivery log, report and exit codes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport, runCli } from '../helpers/cli-harness';
import { SAMPLE, SLICES } from '../helpers/delivery-fixture';
import { freePort } from '../helpers/orthanc';
import { startStoreScp } from '../helpers/storescp';
import type { StoreScp } from '../helpers/storescp';

let dir: string;
let scp: StoreScp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-send-cli-'));
  // The CLI reads named destinations from here (runCli passes this process's environment on).
  process.env.DICOM_INK_CONFIG_DIR = join(dir, 'config');
  scp = await startStoreScp();
});
afterAll(async () => {
  await scp.stop();
  delete process.env.DICOM_INK_CONFIG_DIR;
  rmSync(dir, { recursive: true, force: true });
});

function zipEntries(zip: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))';
  return execFileSync('/usr/bin/python3', ['-c', script, zip], { encoding: 'utf8' }).trim().split('\n');
}

describe('dicom-ink destinations', () => {
  it('adds, lists without the password, and removes; the file is readable by the user only', () => {
    expect(runCli(['destinations', 'add', 'pacs', `dicom://${scp.aeTitle}@127.0.0.1:${scp.port}`]).code).toBe(
      0,
    );
    expect(runCli(['destinations', 'add', 'web', 'http://ink:s3cret@127.0.0.1:1/dicom-web']).code).toBe(0);
    const list = runCli(['destinations', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`pacs\tdicom://${scp.aeTitle}@127.0.0.1:${scp.port} (calling AE DICOMINK)`);
    expect(list.stdout).toContain('web\thttp://127.0.0.1:1/dicom-web (basic auth as ink)');
    expect(list.stdout).not.toContain('s3cret');
    expect(statSync(join(dir, 'config', 'destinations.json')).mode & 0o777).toBe(0o600);
    expect(runCli(['destinations', 'remove', 'web']).code).toBe(0);
    expect(runCli(['destinations', 'list']).stdout).not.toContain('web');
    const bad = runCli(['destinations', 'add', 'x', 'dicom://127.0.0.1:104']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('needs exactly one AE title before "@"');
  });
});

describe('dicom-ink echo', () => {
  it('answers 0 for a listening SCP and 1 with the reason for a closed port', async () => {
    const ok = runCli(['echo', 'pacs']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('OK, C-ECHO succeeded');
    const port = await freePort();
    const refused = runCli(['echo', `dicom://PACS@127.0.0.1:${port}`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`connection refused: nothing is listening on 127.0.0.1:${port}`);
  });
});

describe('dicom-ink convert --send --zip', () => {
  it('sends each output as it is verified, zips them, and a rerun sends nothing new', () => {
    const out = join(dir, 'out');
    const zip = join(dir, 'series.zip');
    const report = join(dir, 'report.jsonl');
    const first = runCli([
      'convert',
      SAMPLE,
      '--out',
      out,
      '--send',
      'pacs',
      '--zip',
      zip,
      '--report',
      report,
      '--quiet',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${SLICES} delivered to dicom://${scp.aeTitle}@127.0.0.1:${scp.port}`);
    expect(scp.files()).toHaveLength(SLICES);
    expect(zipEntries(zip)).toHaveLength(SLICES);
    expect(zipEntries(zip)[0]).toBe('abdomen-ct/series-1/IM0001');
    const deliveries = readReport(report).deliveries as {
      totals: { delivered: number; sentNow: number };
      outcomes: { status: string }[];
    }[];
    expect(deliveries.map((d) => d.totals.delivered)).toEqual([SLICES, SLICES]);
    const again = runCli(['convert', SAMPLE, '--out', out, '--send', 'pacs', '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`(0 sent now, ${SLICES} already delivered earlier)`);
    expect(scp.files()).toHaveLength(SLICES);
  });

  it('send to a closed port exits 1 and the report lists every instance as a transient failure', async () => {
    const port = await freePort();
    const report = join(dir, 'failed.json');
    const run = runCli([
      'send',
      join(dir, 'out'),
      '--to',
      `dicom://PACS@127.0.0.1:${port}`,
      '--retries',
      '0',
      '--report',
      report,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`0 delivered to dicom://PACS@127.0.0.1:${port}`);
    expect(run.stdout).toContain('Run the same command again to send what was not delivered.');
    const document = JSON.parse(readFileSync(report, 'utf8')) as {
      delivery: { outcomes: { status: string; transient: boolean }[] };
    };
    expect(document.delivery.outcomes).toHaveLength(SLICES);
    expect(document.delivery.outcomes.every((o) => o.status === 'failed' && o.transient)).toBe(true);
  });

  it('pack --zip writes every DICOM file of the folder, not the delivery log', () => {
    const zip = join(dir, 'packed.zip');
    const run = runCli(['pack', join(dir, 'out'), '--zip', zip]);
    expect(run.code).toBe(0);
    // A ZIP is a medium, not a PACS: files written, no "delivered" or "not sent".
    expect(run.stdout).toMatch(new RegExp(`^${SLICES} files written to ZIP ${zip} in \\d+\\.\\d s$`, 'm'));
    expect(run.stdout).not.toContain('not sent');
    const entries = zipEntries(zip);
    expect(entries).toHaveLength(SLICES);
    expect(entries.every((name) => /^abdomen-ct\/series-1\/IM\d{4}$/.test(name))).toBe(true);
  });

  it('delivery options without --send are a usage error', () => {
    const run = runCli(['convert', SAMPLE, '--out', join(dir, 'x'), '--connections', '3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--connections only applies with --send <destination>');
  });
});
