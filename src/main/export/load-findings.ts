import type { BoxParseError, BoxRecord } from '../../shared/boxes/model';
import type { InputRoot } from '../convert/plan-inputs';
import { importFindings } from '../findings/import-findings';
import { scanCatalog } from '../findings/scan-catalog';
import type { ConversionJob, FailureCause } from './job';
import { loadBoxes } from './load-boxes';

export type LoadedFindings =
  | { ok: true; boxes: BoxRecord[]; errors: BoxParseError[]; notes: string[] }
  | { ok: false; reason: string; cause: FailureCause };

/**
 * Every finding of a job, placed on image frames: the app's box file as before, and each --boxes/--masks
 * source through the importer that recognises it. A source refused as a whole (a mask that fits no series,
 * an unreadable file) fails the job before anything is written, so no output silently lacks its findings.
 */
export async function loadFindings(
  job: ConversionJob,
  roots: readonly InputRoot[],
  signal?: AbortSignal,
): Promise<LoadedFindings> {
  const loaded = await loadBoxes(job.boxFile);
  if (!loaded.ok) return { ok: false, reason: loaded.reason, cause: 'box-file' };
  const boxes = [...loaded.boxes, ...(job.findings ?? [])];
  const sources = [
    ...(job.boxFiles ?? []).map((given) => ({ given, flag: '--boxes' as const })),
    ...(job.maskFiles ?? []).map((given) => ({ given, flag: '--masks' as const })),
  ];
  if (sources.length === 0) return { ok: true, boxes, errors: loaded.errors, notes: [] };
  const imported = await importFindings(sources, job.importOptions ?? { maskStyle: 'outline' }, () =>
    scanCatalog(roots, job.outDir, signal),
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
    boxes: [...boxes, ...imported.findings],
    errors: [...loaded.errors, ...imported.problems],
    notes: imported.notes,
  };
}
