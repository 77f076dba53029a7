/**
 * Outputs over 2 GiB (a streamed multi-frame) on the delivery side (issue 10): the header is read by a
 * few bounded reads, STOW-RS streams each file from disk, and C-STORE refuses such a file with the way out
 * instead of reading it whole. Sparse files: a real header, then a hole up to 3 GiB.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBatch } from '../../../src/main/delivery/dimse-store';
import { readHeaderBounded, readInstance } from '../../../src/main/delivery/instance-file';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import type { Answer } from '../../../src/main/delivery/outcome';
import { stowBatch, stowParts } from '../../../src/main/delivery/stow';
import { bodyLength } from '../../../src/main/delivery/streamed-post';
import { openFileBytes } from '../../../src/main/dicom/file-bytes';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { bytesElement, textElement } from '../../../src/main/dicom/write/element';
import { encodePart10Header } from '../../../src/main/dicom/write/part10';
import { multiFrameDataset } from '../../../src/main/sample/multiframe';

const GIB = 2 ** 30;
const FRAMES = 6200;
const SIZE = 512;
let dir: string;
let huge: string;
let hugeSize: number;
let moderate: string;

function writeMultiFrame(path: string, frames: number, pixels?: Uint8Array): number {
  const dataset = [
    ...multiFrameDataset({ frames, size: SIZE }, frames),
    // a header over 64 KiB: the first bounded read is not enough, the next one is
    textElement(0x00090010, 'LO', 'DICOM INK TEST'),
    bytesElement(0x00091010, 'OB', new Uint8Array(300_000)),
  ];
  const length = frames * SIZE * SIZE * 2;
  const header = encodePart10Header(dataset, EXPLICIT_VR_LITTLE_ENDIAN, { vr: 'OW', length });
  writeFileSync(path, header);
  if (pixels) writeFileSync(path, pixels, { flag: 'a' });
  else truncateSync(path, header.length + length);
  return header.length + length;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-large-delivery-'));
  huge = join(dir, 'multiframe-3g');
  hugeSize = writeMultiFrame(huge, FRAMES);
  moderate = join(dir, 'multiframe-16m');
  writeMultiFrame(moderate, 32, randomBytes(32 * SIZE * SIZE * 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function infoOf(path: string): Promise<InstanceInfo> {
  const read = await readInstance(path);
  if (!read.ok) throw new Error(read.reason);
  return read.info;
}

describe('a 3 GiB output', () => {
  it('has its header read by bounded reads, never whole', async () => {
    expect(hugeSize).toBeGreaterThan(3 * GIB);
    const file = openFileBytes(huge);
    try {
      const parsed = readHeaderBounded(file);
      expect('dataSet' in parsed).toBe(true);
      // 64 KiB, then 512 KiB: the 300 KB private element pushes the Pixel Data header past the first read
      expect(file.bytesRead).toBeLessThanOrEqual(64 * 1024 + 512 * 1024);
    } finally {
      file.close();
    }
    const info = await infoOf(huge);
    expect(info.size).toBe(hugeSize);
    expect(info.sopInstanceUid).toMatch(/^2\.25\./);
  });

  it('becomes a STOW-RS body that names the file, streamed when sent (never read into memory here)', async () => {
    const info = await infoOf(huge);
    const { parts, boundary } = stowParts([info]);
    expect(parts).toContainEqual({ path: huge, size: hugeSize });
    const framing =
      `--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`.length + 2 + `--${boundary}--\r\n`.length;
    expect(bodyLength(parts)).toBe(hugeSize + framing);
  });

  it('is refused by C-STORE before anything is read or connected, with the way out', async () => {
    const answers: Answer[] = [];
    const end = await storeBatch(
      { kind: 'dimse', host: '127.0.0.1', port: 9, calledAe: 'PACS', callingAe: 'DICOMINK' },
      [await infoOf(huge)],
      { timeoutMs: 5000, onAnswer: (_i, answer) => answers.push(answer) },
    );
    expect(end).toEqual({ ok: true });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ kind: 'failed', transient: false });
    expect(answers[0]?.kind === 'failed' && answers[0].meaning).toContain('STOW-RS streams it');
  });
});

describe('STOW-RS of a 16 MB output', () => {
  it('sends the file byte for byte with a Content-Length, as one multipart part', async () => {
    const received: { length?: string; body: Buffer }[] = [];
    const info = await infoOf(moderate);
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ length: request.headers['content-length'], body: Buffer.concat(chunks) });
        response.writeHead(200, { 'Content-Type': 'application/dicom+json' });
        // Only a Store Instances response naming the instance makes it stored (PS3.18 10.5.3).
        const stored = { '00081155': { vr: 'UI', Value: [info.sopInstanceUid] } };
        response.end(JSON.stringify({ '00081199': { vr: 'SQ', Value: [stored] } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answers: Answer[] = [];
      const end = await stowBatch({ kind: 'dicomweb', root: `http://127.0.0.1:${port}/dw` }, [info], {
        timeoutMs: 60_000,
        onAnswer: (_i, answer) => answers.push(answer),
      });
      expect(end).toEqual({ ok: true });
      expect(answers[0]).toMatchObject({ kind: 'stored' });
      const [request] = received;
      expect(Number(request?.length)).toBe(request?.body.length);
      const file = readFileSync(moderate);
      const start = request?.body.indexOf('\r\n\r\n') ?? -1;
      expect(request?.body.subarray(start + 4, start + 4 + file.length).equals(file)).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('STOW-RS to nothing', () => {
  it('is a transient failure naming the root, as with fetch before', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const end = await stowBatch(
      { kind: 'dicomweb', root: `http://127.0.0.1:${port}/dw` },
      [await infoOf(moderate)],
      {
        timeoutMs: 10_000,
        onAnswer: () => undefined,
      },
    );
    expect(end).toEqual({
      ok: false,
      failure: {
        transient: true,
        meaning: `connection refused: nothing is listening at http://127.0.0.1:${port}/dw`,
      },
    });
  });
});
