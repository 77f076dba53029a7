/**
 * Seeded fuzzing of the reader and the converter: mutated corpus files (truncated, random bytes,
 * absurd element lengths, dimensions and bit depths) each end as a converted file or a clear per-file
 * reason; never a crash, a hang (per-file timeout) or runaway memory.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConvertSettings } from '../../src/main/convert/convert-settings';
import { readDicomBytes, readDicomFile } from '../../src/main/dicom/read-dicom';
import { initCodecs } from '../../src/main/dicom/read-dicom';
import { startConversion } from '../../src/main/export/start-conversion';
import { corpusFile } from '../helpers/cli-harness';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const MUTANTS = 150;
const SOURCES = [
  'emri_small.dcm',
  'emri_small_RLE.dcm',
  'emri_small_jpeg_ls_lossless.dcm',
  'emri_small_jpeg_2k_lossless.dcm',
  'emri_small_big_endian.dcm',
  'SC_rgb.dcm',
  'dp_CT1_UNC.implicit_little_endian.dcm',
  'dp_IM00001.fragmented_no_bot_jpeg_baseline.50.dcm',
  'dp_CT0012.fragmented_no_bot_jpeg_lossless.70.dcm',
  'OBXXXX1A_rle.dcm',
];

/** mulberry32: a small seeded PRNG, so a failing mutant can be regenerated from the seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of an Image Pixel Module tag (group 0028) in either byte order. */
function findTag(bytes: Uint8Array, element: number): number[] {
  const found: number[] = [];
  for (let i = 0; i + 8 < bytes.length; i++) {
    if (bytes[i] === 0x28 && bytes[i + 1] === 0x00 && bytes[i + 2] === element && bytes[i + 3] === 0x00)
      found.push(i);
    if (bytes[i] === 0x00 && bytes[i + 1] === 0x28 && bytes[i + 2] === 0x00 && bytes[i + 3] === element)
      found.push(i);
  }
  return found;
}

type Mutation = (bytes: Uint8Array, random: () => number) => { bytes: Uint8Array; kind: string };

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;

const MUTATIONS: Mutation[] = [
  (bytes, random) => ({ bytes: bytes.slice(0, Math.floor(random() * bytes.length)), kind: 'truncated' }),
  (bytes, random) => {
    const copy = bytes.slice();
    const flips = 1 + Math.floor(random() * 40);
    for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return { bytes: copy, kind: `${flips} random bytes` };
  },
  (bytes, random) => {
    // Random bytes in the header, where lengths and VRs live.
    const copy = bytes.slice();
    const span = Math.min(copy.length, 2048);
    for (let i = 0; i < 8; i++) copy[Math.floor(random() * span)] = Math.floor(random() * 256);
    return { bytes: copy, kind: 'header bytes' };
  },
  (bytes, random) => {
    // Rows (0028,0010) or Columns (0028,0011) set to 0, 1 or 65535 (explicit VR: value after the 8-byte header; implicit: after 8 too).
    const copy = bytes.slice();
    const offsets = [...findTag(copy, 0x10), ...findTag(copy, 0x11)];
    const value = pick([0, 1, 0xffff, 0x7fff], random);
    for (const at of offsets) {
      copy[at + 8] = value & 0xff;
      copy[at + 9] = value >> 8;
    }
    return { bytes: copy, kind: `dimension ${value}` };
  },
  (bytes, random) => {
    // Bits Allocated / Bits Stored / High Bit (0028,0100-0102) absurd.
    const copy = bytes.slice();
    const value = pick([0, 3, 12, 33, 64, 255], random);
    for (const at of findTag(copy, 0x00).concat(findTag(copy, 0x01), findTag(copy, 0x02)))
      copy[at + 8] = value;
    return { bytes: copy, kind: `bits ${value}` };
  },
  (bytes, random) => {
    // An absurd 4-byte element length somewhere after the preamble.
    const copy = bytes.slice();
    const at = 132 + Math.floor(random() * Math.max(1, Math.min(copy.length - 140, 4096)));
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    if (at + 4 <= copy.length)
      view.setUint32(at, pick([0xfffffff0, 0x7fffffff, 0xffffffff, 0x10000000], random), true);
    return { bytes: copy, kind: 'absurd length' };
  },
];

let dir: string;
const kinds = new Map<string, string>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-fuzz-'));
  mkdirSync(join(dir, 'in'));
  const random = prng(SEED);
  const originals = SOURCES.map((name) => new Uint8Array(readFileSync(corpusFile(name))));
  for (let n = 0; n < MUTANTS; n++) {
    const source = Math.floor(random() * SOURCES.length);
    const mutant = pick(MUTATIONS, random)(originals[source] as Uint8Array, random);
    const name = `m${String(n).padStart(3, '0')}-${SOURCES[source]}`;
    writeFileSync(join(dir, 'in', name), mutant.bytes);
    kinds.set(join(dir, 'in', name), mutant.kind);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzzed corpus files', () => {
  it('never make the reader throw: each reads as a result or throws an Error with a message when decoded', async () => {
    await initCodecs();
    const random = prng(SEED + 1);
    for (const path of [...kinds.keys()].filter(() => random() < 0.4)) {
      const read = readDicomBytes(new Uint8Array(readFileSync(path)));
      if (!read.ok) {
        expect(read.reason, path).toMatch(/\w{3,}/);
        continue;
      }
      const { numberOfFrames, rows, columns } = read.image.header.pixel;
      if (rows * columns * numberOfFrames > 16_000_000) continue; // absurd sizes are the converter test's job
      try {
        read.image.decodeFrame(0);
      } catch (error) {
        expect(error, `${path} (${kinds.get(path) ?? ''})`).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/\w{3,}/);
      }
    }
  });

  it('each end converted or with a per-file reason, none crashing or hanging a worker', async () => {
    const summary = await startConversion({
      inputs: [join(dir, 'in')],
      outDir: join(dir, 'out'),
      settings: defaultConvertSettings(),
      jobs: 2,
      fileTimeoutMs: 20_000,
    });
    expect(summary.status).toBe('completed');
    if (summary.status !== 'completed') return;
    expect(summary.outcomes).toHaveLength(MUTANTS);
    expect(new Set(summary.outcomes.map((o) => o.input)).size).toBe(MUTANTS);
    for (const outcome of summary.outcomes) {
      const label = `${outcome.input} (${kinds.get(outcome.input) ?? ''})`;
      if (outcome.status === 'converted') {
        const back = await readDicomFile(outcome.output);
        expect(back.ok, label).toBe(true);
        if (back.ok) expect(back.image.header.pixel.samplesPerPixel).toBe(3);
        continue;
      }
      expect(outcome.reason, label).toMatch(/\w{3,}/);
      expect(outcome.reason, label).not.toMatch(/converter (stopped|exited)|took longer|undefined|\[object/);
    }
    const converted = summary.outcomes.filter((o) => o.status === 'converted').length;
    expect(converted).toBeGreaterThan(10);
    expect(converted).toBeLessThan(MUTANTS);
    // The whole run, workers included, stays bounded (getrusage maxrss of this test process, in kB).
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(1500);
  }, 240_000);
});
