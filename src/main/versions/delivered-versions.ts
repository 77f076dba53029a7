/**
 * Which of DICOM Ink's outputs were delivered to a destination, kept per destination in the
 * configuration folder (`delivered-versions/<destination hash>/`), so a later version knows the earlier
 * ones wherever they were exported from. Append-only: each delivery adds one file of records and each
 * Rejection Note one file naming what it rejected, so concurrent runs (shards) never overwrite each
 * other. Only confirmed deliveries are recorded: nothing is ever rejected that was not delivered there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../session/atomic-write';
import type { InstanceLineage } from './instance-lineage';

const lineageSchema = z.object({
  sopClassUid: z.string(),
  sopInstanceUid: z.string(),
  studyInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  sources: z.array(z.string()),
});
const recordSchema = z.union([
  z.object({ kind: z.literal('delivered'), at: z.string(), instances: z.array(lineageSchema) }),
  z.object({ kind: z.literal('rejected'), at: z.string(), note: z.string(), instances: z.array(z.string()) }),
]);
type LedgerRecord = z.infer<typeof recordSchema>;

/** The folder of one destination's records (its log key hashed: a key may hold a URL). */
export function ledgerFolder(configFolder: string, destinationKey: string): string {
  const hash = createHash('sha256').update(destinationKey).digest('hex').slice(0, 24);
  return join(configFolder, 'delivered-versions', hash);
}

/** What the ledger knows of one destination: delivered instances, and those already rejected. */
export interface DeliveredVersions {
  delivered: Map<string, InstanceLineage>;
  rejected: Set<string>;
}

export async function readLedger(folder: string): Promise<DeliveredVersions> {
  const delivered = new Map<string, InstanceLineage>();
  const rejected = new Set<string>();
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let parsed;
    try {
      parsed = recordSchema.safeParse(JSON.parse(text));
    } catch {
      continue; // a torn or foreign file: its instances are simply not known
    }
    if (!parsed.success) continue;
    const record = parsed.data;
    if (record.kind === 'delivered') for (const i of record.instances) delivered.set(i.sopInstanceUid, i);
    else for (const uid of record.instances) rejected.add(uid);
  }
  return { delivered, rejected };
}

async function append(folder: string, record: LedgerRecord): Promise<void> {
  await mkdir(folder, { recursive: true });
  const name = `${record.at.replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}.json`;
  await writeFileAtomic(join(folder, name), `${JSON.stringify(record)}\n`);
}

/** Records instances confirmed delivered (their identity and source series only). */
export async function recordDelivered(folder: string, instances: readonly InstanceLineage[]): Promise<void> {
  if (instances.length === 0) return;
  const plain = instances.map(
    ({ sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, sources }) => ({
      sopClassUid,
      sopInstanceUid,
      studyInstanceUid,
      seriesInstanceUid,
      sources,
    }),
  );
  await append(folder, { kind: 'delivered', at: new Date().toISOString(), instances: plain });
}

/** Records that a delivered Rejection Note withdrew these instances (never rejected twice). */
export async function recordRejected(
  folder: string,
  note: string,
  instances: readonly string[],
): Promise<void> {
  await append(folder, { kind: 'rejected', at: new Date().toISOString(), note, instances: [...instances] });
}

/**
 * The instances of earlier versions: delivered, not yet rejected, made from a source series the new
 * version was made from, in the same study, and in none of the new version's series.
 */
export function earlierVersions(
  ledger: DeliveredVersions,
  fresh: readonly InstanceLineage[],
): InstanceLineage[] {
  const sources = new Set(fresh.flatMap((i) => i.sources.map((s) => `${i.studyInstanceUid} ${s}`)));
  const freshSeries = new Set(fresh.map((i) => i.seriesInstanceUid));
  return [...ledger.delivered.values()].filter(
    (old) =>
      !ledger.rejected.has(old.sopInstanceUid) &&
      !freshSeries.has(old.seriesInstanceUid) &&
      old.sources.some((s) => sources.has(`${old.studyInstanceUid} ${s}`)),
  );
}
