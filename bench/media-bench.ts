/**
 * `npm run bench:media`: (1) converts a generated 200-slice 512x512 CT series and packs the outputs into a
 * DICOMDIR media folder, printing instances/s; (2) sends a sparse 3 GiB multi-frame file by STOW-RS to an
 * in-process HTTP sink that discards what it receives, printing the time and the process's peak resident
 * memory before and after (it stays far below the file's size because the file is streamed from disk).
 * `--slices N` changes the series length. Figures only, no assertions; the load average is printed beside them.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDelivery } from '../src/main/delivery/deliver';
import { dicomdirTarget } from '../src/main/delivery/dicomdir/dicomdir-target';
import { readInstance } from '../src/main/delivery/instance-file';
import { stowBatch } from '../src/main/delivery/stow';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../src/main/dicom/transfer-syntaxes';
import { encodePart10Header } from '../src/main/dicom/write/part10';
import { multiFrameDataset } from '../src/main/sample/multiframe';
import { convertedSeries } from './bench-inputs';

function intOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number`);
  return value;
}

const peakMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function packBench(dir: string, slices: number): Promise<void> {
  const files = convertedSeries(dir, slices);
  const started = performance.now();
  const delivery = createDelivery(dicomdirTarget(join(dir, 'cd'), { overwrite: false }));
  for (const file of files) delivery.add(file, join(dir, 'out'));
  const report = await delivery.end();
  const seconds = (performance.now() - started) / 1000;
  const delivered = report.outcomes.filter((o) => o.status === 'delivered').length;
  console.log(
    `pack --dicomdir: ${delivered}/${files.length} instances in ${seconds.toFixed(1)} s = ${(delivered / seconds).toFixed(1)} instances/s${report.finishError ? ` (${report.finishError})` : ''}`,
  );
}

async function stowLargeBench(dir: string): Promise<void> {
  const frames = 6200;
  const length = frames * 512 * 512 * 2;
  const header = encodePart10Header(
    multiFrameDataset({ frames, size: 512 }, frames),
    EXPLICIT_VR_LITTLE_ENDIAN,
    {
      vr: 'OW',
      length,
    },
  );
  const path = join(dir, 'multiframe-3g');
  writeFileSync(path, header);
  truncateSync(path, header.length + length);
  let received = 0;
  const read = await readInstance(path);
  if (!read.ok) throw new Error(read.reason);
  // Only a Store Instances response naming the instance counts as stored (PS3.18 10.5.3).
  const stored = { '00081155': { vr: 'UI', Value: [read.info.sopInstanceUid] } };
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (received += chunk.length));
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/dicom+json' });
      response.end(JSON.stringify({ '00081199': { vr: 'SQ', Value: [stored] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const before = peakMiB();
    const started = performance.now();
    const end = await stowBatch(
      { kind: 'dicomweb', root: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/dw` },
      [read.info],
      { timeoutMs: 600_000, onAnswer: () => undefined },
    );
    const seconds = (performance.now() - started) / 1000;
    const gib = read.info.size / 2 ** 30;
    console.log(
      `STOW-RS of one ${gib.toFixed(2)} GiB file: ${end.ok ? 'sent' : 'FAILED'}, ${(received / 2 ** 30).toFixed(2)} GiB received in ${seconds.toFixed(1)} s; peak RSS ${before} MiB before, ${peakMiB()} MiB after`,
    );
  } finally {
    server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-media-bench-'));
  try {
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    await packBench(dir, intOption('--slices', 200));
    await stowLargeBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
