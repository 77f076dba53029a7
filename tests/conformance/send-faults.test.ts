/**
 * Delivery under faults (issue 10): nothing listening, an SCP that rejects our AE title, one that accepts no
 * Secondary Capture, one that drops the connection mid-association or answers "out of resources", and a
 * DICOMweb server answering 503 before 200. Each gives the right per-instance outcome, retries only the
 * transient failures, loses nothing, and a rerun completes the delivery.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  QUICK_RETRY,
  SLICES,
  convertSample,
  deliverFiles,
  sopInstanceUidOf,
  tally,
} from '../helpers/delivery-fixture';
import { freePort, getJson, startOrthanc } from '../helpers/orthanc';
import type { OrthancServer } from '../helpers/orthanc';
import { startTestScp } from '../helpers/test-scp';

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

let dir: string;
let files: string[];
let uids: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-faults-'));
  files = convertSample(join(dir, 'out'));
  uids = files.map(sopInstanceUidOf);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh log folder per test: each test starts with nothing delivered. */
let runs = 0;
function logRoot(): string {
  const root = join(dir, 'out', `run-${++runs}`);
  mkdirSync(root);
  return root;
}

describe('DIMSE faults', () => {
  it('nothing listening: every instance fails as transient after the bounded retries; the rerun completes', async () => {
    const port = await freePort();
    const root = join(dir, 'out');
    const first = await deliverFiles(`dicom://PACS@127.0.0.1:${port}`, files, root);
    expect(tally(first)).toEqual({ 'failed:transient': SLICES });
    for (const o of first.outcomes) {
      expect(o.status === 'failed' && o.attempts).toBe(QUICK_RETRY.attempts);
      expect(o.status === 'failed' && o.meaning).toMatch(
        /connection refused: nothing is listening on 127\.0\.0\.1:\d+ \(after 3 attempts\)/,
      );
    }
    const scp = await startTestScp({ port });
    try {
      const second = await deliverFiles(`dicom://PACS@127.0.0.1:${port}`, files, root);
      expect(tally(second)).toEqual({ 'delivered:success': SLICES });
      expect(new Set(scp.stored)).toEqual(new Set(uids));
      const third = await deliverFiles(`dicom://PACS@127.0.0.1:${port}`, files, root);
      expect(tally(third)).toEqual({ 'delivered:already-delivered': SLICES });
      expect(third.sentNow).toBe(0);
      expect(scp.storeRequests).toBe(SLICES);
    } finally {
      await scp.close();
    }
  });

  it('an SCP that rejects our AE title: permanent failures, one association, no retry; with its AE title it completes', async () => {
    const scp = await startTestScp({ allowedCallingAe: 'INK_ALLOWED' });
    try {
      const url = `dicom://PACS@127.0.0.1:${scp.port}`;
      const root = logRoot();
      const first = await deliverFiles(url, files, root, { connections: 1 });
      expect(tally(first)).toEqual({ 'failed:permanent': SLICES });
      expect(first.outcomes.every((o) => o.status === 'failed' && o.attempts === 1)).toBe(true);
      expect(first.outcomes[0]?.status === 'failed' && first.outcomes[0].meaning).toMatch(
        /rejected \(permanent\): calling AE title not recognized/,
      );
      expect(scp.associations).toBe(1);
      const second = await deliverFiles(url, files, root, { callingAe: 'INK_ALLOWED' });
      expect(tally(second)).toEqual({ 'delivered:success': SLICES });
      expect(scp.stored).toHaveLength(SLICES);
    } finally {
      await scp.close();
    }
  });

  it('an SCP that accepts no Secondary Capture: permanent failures naming the SOP class, nothing sent, no retry', async () => {
    const scp = await startTestScp({ acceptedSopClasses: [CT_IMAGE_STORAGE] });
    try {
      const report = await deliverFiles(`dicom://PACS@127.0.0.1:${scp.port}`, files, logRoot(), {
        connections: 1,
      });
      expect(tally(report)).toEqual({ 'failed:permanent': SLICES });
      const first = report.outcomes[0];
      expect(first?.status === 'failed' && first.meaning).toBe(
        'the PACS accepts no Secondary Capture Image Storage (1.2.840.10008.5.1.4.1.1.7) in Explicit or Implicit VR Little Endian',
      );
      expect(scp.storeRequests).toBe(0);
      expect(report.outcomes.every((o) => o.status === 'failed' && o.attempts === 1)).toBe(true);
    } finally {
      await scp.close();
    }
  });

  it('an SCP that drops the connection mid-association: what it answered stays delivered, the rest is retried, nothing is lost', async () => {
    const scp = await startTestScp({ dropAtStore: 5 });
    try {
      const report = await deliverFiles(`dicom://PACS@127.0.0.1:${scp.port}`, files, logRoot(), {
        connections: 1,
      });
      expect(tally(report)).toEqual({ 'delivered:success': SLICES });
      // 4 stored before the drop; the 5th was lost with the connection and sent again with the rest.
      const retried = report.outcomes.filter((o) => o.status === 'delivered' && o.attempts === 2);
      expect(retried.map((o) => o.file)).toEqual(files.slice(4));
      expect(scp.associations).toBe(2);
      expect(scp.storeRequests).toBe(SLICES + 1);
      expect(new Set(scp.stored)).toEqual(new Set(uids));
    } finally {
      await scp.close();
    }
  });

  it('0xA700 (out of resources) is retried and then delivered; 0xC000 (cannot understand) is not retried', async () => {
    const scp = await startTestScp({
      statusOf: (uid, times) => (uid === uids[2] && times === 1 ? 0xa700 : uid === uids[5] ? 0xc000 : 0),
    });
    try {
      const report = await deliverFiles(`dicom://PACS@127.0.0.1:${scp.port}`, files, logRoot(), {
        connections: 1,
      });
      expect(tally(report)).toEqual({ 'delivered:success': SLICES - 1, 'failed:permanent': 1 });
      const failed = report.outcomes.find((o) => o.status === 'failed');
      expect(failed).toMatchObject({ code: 0xc000, attempts: 1, file: files[5] });
      const retried = report.outcomes.find((o) => o.status === 'delivered' && o.attempts === 2);
      expect(retried?.file).toBe(files[2]);
      expect(scp.storeRequests).toBe(SLICES + 1);
    } finally {
      await scp.close();
    }
  });

  it('an SCP that accepts Implicit VR Little Endian only still receives every instance', async () => {
    const scp = await startTestScp({ transferSyntaxes: ['1.2.840.10008.1.2'] });
    try {
      const report = await deliverFiles(`dicom://PACS@127.0.0.1:${scp.port}`, files, logRoot());
      expect(tally(report)).toEqual({ 'delivered:success': SLICES });
      expect(new Set(scp.acceptedSyntaxes)).toEqual(new Set(['1.2.840.10008.1.2']));
    } finally {
      await scp.close();
    }
  });
});

describe('DICOMweb faults', () => {
  let orthanc: OrthancServer | undefined;
  let proxy: Server | undefined;
  const seen: number[] = [];

  beforeAll(async () => {
    orthanc = await startOrthanc({ dicomWeb: true });
  });
  afterAll(async () => {
    proxy?.close();
    await orthanc?.stop();
  });

  /** In front of Orthanc: answers the first STOW-RS with 503, forwards the rest. */
  async function flakyFront(): Promise<string> {
    const port = await freePort();
    let posts = 0;
    proxy = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        posts++;
        if (posts === 1) {
          seen.push(503);
          response.writeHead(503, 'Service Unavailable').end();
          return;
        }
        void fetch(`${orthanc?.baseUrl ?? ''}${request.url ?? ''}`, {
          method: request.method,
          headers: {
            'content-type': request.headers['content-type'] ?? '',
            accept: 'application/dicom+json',
          },
          body: Buffer.concat(chunks),
        }).then(async (answer) => {
          seen.push(answer.status);
          response
            .writeHead(answer.status, { 'content-type': 'application/dicom+json' })
            .end(Buffer.from(await answer.arrayBuffer()));
        });
      });
    });
    await new Promise<void>((resolve) => proxy?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}/dicom-web`;
  }

  it('503 then 200: the batch is retried once and every instance arrives, once', async () => {
    const url = await flakyFront();
    const report = await deliverFiles(url, files, logRoot(), { connections: 1 });
    expect(tally(report)).toEqual({ 'delivered:success': SLICES });
    expect(seen).toEqual([503, 200]);
    expect(report.outcomes.every((o) => o.status === 'delivered' && o.attempts === 2)).toBe(true);
    if (!orthanc) throw new Error('Orthanc did not start');
    expect(await getJson<string[]>(orthanc, '/instances')).toHaveLength(SLICES);
  });

  it('a wrong DICOMweb root (404) fails every instance permanently without retrying', async () => {
    if (!orthanc) throw new Error('Orthanc did not start');
    const report = await deliverFiles(`${orthanc.baseUrl}/no-such-root`, files, logRoot());
    expect(tally(report)).toEqual({ 'failed:permanent': SLICES });
    expect(report.outcomes.every((o) => o.status === 'failed' && o.attempts === 1)).toBe(true);
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].meaning).toMatch(
      /HTTP 404.*check the DICOMweb root/,
    );
  });
});
