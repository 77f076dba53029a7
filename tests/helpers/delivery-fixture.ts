/** Shared set-up of the delivery tests: the bundled sample converted once, and helpers over the outcomes. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDicom } from 'dicom-parser';
import { createDelivery } from '../../src/main/delivery/deliver';
import type { DeliveryReport, RetryPolicy } from '../../src/main/delivery/deliver';
import { parseDestinationUrl } from '../../src/main/delivery/destination';
import { pacsTarget } from '../../src/main/delivery/target';
import { REPO, runCli } from './cli-harness';

export const SAMPLE = join(REPO, 'assets', 'sample', 'abdomen-ct');
export const SAMPLE_SERIES = join(SAMPLE, 'series-1');
export const SLICES = 24;
/** fast back-off so fault tests take milliseconds, same shape as the default */
export const QUICK_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 20, maxDelayMs: 80 };

/** Converts the sample into `out` with the CLI; returns the 24 output files. */
export function convertSample(out: string): string[] {
  const run = runCli(['convert', SAMPLE, '--out', out, '--window', 'abdomen', '--quiet']);
  if (run.code !== 0) throw new Error(`dicom-ink convert failed (${String(run.code)}): ${run.stderr}`);
  return listFiles(join(out, 'abdomen-ct', 'series-1'));
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

export async function deliverFiles(
  url: string,
  files: readonly string[],
  logRoot: string,
  options: {
    retry?: RetryPolicy;
    resend?: boolean;
    callingAe?: string;
    connections?: number;
    timeoutMs?: number;
  } = {},
): Promise<DeliveryReport> {
  const destination = parseDestinationUrl(url, { callingAe: options.callingAe });
  if (!destination.ok) throw new Error(destination.reason);
  const delivery = createDelivery(pacsTarget(destination.value, options.connections ?? 2), {
    retry: options.retry ?? QUICK_RETRY,
    resend: options.resend,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  for (const file of files) delivery.add(file, logRoot);
  return delivery.end();
}

/** `status:detail` (or `status:transient|permanent`) -> count, for compact assertions. */
export function tally(report: DeliveryReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of report.outcomes) {
    const key =
      o.status === 'delivered'
        ? `delivered:${o.detail}`
        : o.status === 'failed'
          ? `failed:${o.transient ? 'transient' : 'permanent'}`
          : o.status;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function sopInstanceUidOf(file: string): string {
  const ds = parseDicom(new Uint8Array(readFileSync(file)), { untilTag: 'x7fe00010' });
  return ds.string('x00080018') ?? '';
}

/** Pixel Data (7FE0,0010) value bytes of a native (uncompressed) file, whatever its VR encoding. */
export function pixelBytes(bytes: Uint8Array): Uint8Array {
  const element = parseDicom(bytes).elements['x7fe00010'];
  if (!element) throw new Error('no Pixel Data');
  return bytes.subarray(element.dataOffset, element.dataOffset + element.length);
}
