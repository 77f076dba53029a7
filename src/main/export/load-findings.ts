import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import type { BoxParseError } from '../../shared/boxes/model';
import { createBoxPacker } from '../../shared/boxes/packed-boxes';
import type { PackedBoxes } from '../../shared/boxes/packed-boxes';
import type { InputRoot } from '../convert/plan-inputs';
import { importFindings } from '../findings/import-findings';
import { scanCatalog } from '../findings/scan-catalog';
import type { ConversionJob, FailureCause } from './job';
import { loadBoxes } from './load-boxes';

export type LoadedFindings =
  | {
      ok: true;
      boxes: PackedBoxes;
      errors: BoxParseError[];
      notes: string[];
      /** the algorithm a findings file names (a flag still wins: start-conversion.ts) */
      algorithm?: Partial<AlgorithmIdentity>;
    }
  | { ok: false; reason: string; cause: FailureCause };

/**
 * Every finding of a job, placed on image frames: the app's box file as before, and each --boxes/--masks
 * source through the importer that recognises it. A source refused as a whole (a mask that fits no series,
 * an unreadable file) fails the job before anything is written, so no output silently lacks its findings.
 * The rows come back packed into shared memory (packed-boxes.ts), each packed as it is read (a box
 * table's rows are never all held as objects), and every converter thread reads the one packed copy.
 */
export async function loadFindings(
  job: ConversionJob,
  roots: readonly InputRoot[],
  signal?: AbortSignal,
): Promise<LoadedFindings> {
  const loaded = await loadBoxes(job.boxFile);
  if (!loaded.ok) return { ok: false, reason: loaded.reason, cause: 'box-file' };
  const packer = createBoxPacker();
  for (const record of loaded.boxes) packer.add(record);
  for (const record of job.findings ?? []) packer.add(record);
  const sources = [
    ...(job.boxFiles ?? []).map((given) => ({ given, flag: '--boxes' as const })),
    ...(job.maskFiles ?? []).map((given) => ({ given, flag: '--masks' as const })),
  ];
  if (sources.length === 0) return { ok: true, boxes: packer.finish(), errors: loaded.errors, notes: [] };
  const imported = await importFindings(
    sources,
    job.importOptions ?? { maskStyle: 'outline' },
    () => scanCatalog(roots, job.outDir, signal),
    (record) => packer.add(record),
  );
  if (imported.refusals.length > 0) {
    const reason =
      imported.refusals.length === 1
        ? imported.refusals.join('')
        : `${imported.refusals.length} finding sources refused:\n  ${imported.refusals.join('\n  ')}`;
    return { ok: false, reason, cause: 'findings' };
  }
  return {
    ok: true,
    boxes: packer.finish(),
    errors: [...loaded.errors, ...imported.problems],
    notes: imported.notes,
    ...(imported.algorithm === undefined ? {} : { algorithm: imported.algorithm }),
  };
}
