/**
 * Runs the field's reference tools on a DICOM file and returns parsed results, so tests can assert
 * on what DCMTK (dcmdump, dcm2pnm), dicom3tools (dciodvfy), GDCM (gdcminfo) and pydicom make of it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: readonly string[]): ToolRun {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export interface DumpedElement {
  /** 'gggg,eeee' in lower case */
  tag: string;
  vr: string;
  /** text between [ ] for strings, the UID for UI, the raw value otherwise */
  value: string;
  keyword: string;
  /** 0 for top-level elements, 1 inside a sequence item, ... */
  depth: number;
}

export interface Dump {
  text: string;
  elements: DumpedElement[];
  /** top-level elements by 'gggg,eeee' */
  top: Map<string, DumpedElement>;
}

const DUMP_LINE = /^( *)\(([0-9a-f]{4}),([0-9a-f]{4})\) (\w\w) (.*?) +# +\S+, +\S+ +(\S+)/i;

/** `dcmdump +L -Un`: every element with its full value and UID numbers (not names). */
export function dcmdump(path: string): Dump {
  const run = runTool('dcmdump', ['+L', '-Un', path]);
  if (run.status !== 0) throw new Error(`dcmdump failed: ${run.stderr}`);
  const elements: DumpedElement[] = [];
  for (const line of run.stdout.split('\n')) {
    const match = DUMP_LINE.exec(line);
    if (!match) continue;
    const [, indent = '', group = '', element = '', vr = '', raw = '', keyword = ''] = match;
    const bracketed = /^\[(.*)\]$/.exec(raw);
    const value = bracketed ? (bracketed[1] ?? '') : raw === '(no value available)' ? '' : raw;
    elements.push({ tag: `${group},${element}`.toLowerCase(), vr, value, keyword, depth: indent.length / 2 });
  }
  const top = new Map(elements.filter((e) => e.depth === 0).map((e) => [e.tag, e]));
  return { text: run.stdout, elements, top };
}

export interface Validation {
  errors: string[];
  warnings: string[];
  output: string;
}

/** `dciodvfy`: its "Error - ..." and "Warning - ..." lines (it reports on stderr). */
export function dciodvfy(path: string): Validation {
  const run = runTool('dciodvfy', [path]);
  const output = `${run.stdout}\n${run.stderr}`;
  const lines = output.split('\n');
  return {
    errors: lines.filter((l) => l.startsWith('Error')),
    warnings: lines.filter((l) => l.startsWith('Warning')),
    output,
  };
}

export interface Pnm {
  width: number;
  height: number;
  /** 1 for PGM (P5), 3 for PPM (P6) */
  channels: number;
  maxValue: number;
  data: Buffer;
}

/** Parses a binary PGM/PPM (P5/P6) with maxval < 256. */
export function parsePnm(bytes: Buffer): Pnm {
  const fields: string[] = [];
  let position = 0;
  while (fields.length < 4) {
    while (position < bytes.length && /\s/.test(String.fromCharCode(bytes[position] ?? 0))) position++;
    if (bytes[position] === 0x23) {
      while (position < bytes.length && bytes[position] !== 0x0a) position++;
      continue;
    }
    const start = position;
    while (position < bytes.length && !/\s/.test(String.fromCharCode(bytes[position] ?? 0))) position++;
    fields.push(bytes.subarray(start, position).toString('latin1'));
  }
  const [magic, width, height, maxValue] = fields;
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`not a binary PNM: ${magic ?? ''}`);
  const pnm = {
    width: Number(width),
    height: Number(height),
    channels: magic === 'P6' ? 3 : 1,
    maxValue: Number(maxValue),
  };
  const size = pnm.width * pnm.height * pnm.channels;
  return { ...pnm, data: bytes.subarray(position + 1, position + 1 + size) };
}

/**
 * `dcm2pnm --write-raw-pnm [args] file`: DCMTK's rendering of every frame (`+Fa`), in frame order.
 * Pass e.g. ['+Ww', '40', '400'] to pick a window.
 */
export function dcm2pnm(path: string, args: readonly string[] = []): Pnm[] {
  const folder = mkdtempSync(join(tmpdir(), 'dcm2pnm-'));
  try {
    const run = runTool('dcm2pnm', ['--write-raw-pnm', '+Fa', ...args, path, join(folder, 'frame')]);
    if (run.status !== 0) throw new Error(`dcm2pnm failed: ${run.stderr}`);
    const files = readdirSync(folder).sort(
      (a, b) => Number(/\.(\d+)\./.exec(a)?.[1]) - Number(/\.(\d+)\./.exec(b)?.[1]),
    );
    return files.map((f) => parsePnm(readFileSync(join(folder, f))));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `gdcminfo`: whether GDCM opens the file, and what it prints. */
export function gdcminfo(path: string): { ok: boolean; text: string } {
  const run = runTool('gdcminfo', [path]);
  return { ok: run.status === 0, text: `${run.stdout}${run.stderr}` };
}

export interface PydicomImage {
  photometric: string;
  shape: number[];
  sopInstanceUid: string;
  /** pixel_array as uint8 bytes, C order */
  pixels: Buffer;
}

const PYDICOM_SCRIPT = `
import sys, json, pydicom
ds = pydicom.dcmread(sys.argv[1])
a = ds.pixel_array
open(sys.argv[2], 'wb').write(a.astype('uint8').tobytes())
print(json.dumps({'photometric': str(ds.PhotometricInterpretation), 'shape': list(a.shape), 'sopInstanceUid': str(ds.SOPInstanceUID)}))
`;

/** pydicom's reading of an 8-bit image: its pixel_array and a few attributes. */
export function pydicomRead(path: string): PydicomImage {
  const folder = mkdtempSync(join(tmpdir(), 'pydicom-'));
  try {
    const out = join(folder, 'pixels.bin');
    const run = runTool('/usr/bin/python3', ['-c', PYDICOM_SCRIPT, path, out]);
    if (run.status !== 0) throw new Error(`pydicom failed: ${run.stderr}`);
    const info = JSON.parse(run.stdout) as Omit<PydicomImage, 'pixels'>;
    return { ...info, pixels: readFileSync(out) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
