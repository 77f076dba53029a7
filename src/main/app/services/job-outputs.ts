/**
 * The files each export job wrote (or kept from an earlier export), by job id, so "Send to..." sends exactly
 * those: the renderer names a job, never a file. Only the most recent jobs are kept.
 */
import type { FileOutcome } from '../../convert/outcome';

export interface JobFiles {
  outDir: string;
  files: string[];
}

export interface JobOutputs {
  record(jobId: string, outDir: string, file: string): void;
  get(jobId: string): JobFiles | undefined;
}

const KEPT_JOBS = 20;

/** The output a conversion outcome leaves to deliver: a new file, or one kept from an earlier run. */
export function deliverableOutput(outcome: FileOutcome): string | undefined {
  if (outcome.status === 'converted') return outcome.output;
  if (outcome.status === 'skipped') return outcome.existingOutput;
  return undefined;
}

export function createJobOutputs(): JobOutputs {
  const jobs = new Map<string, JobFiles>();
  return {
    record(jobId, outDir, file) {
      let job = jobs.get(jobId);
      if (!job) {
        job = { outDir, files: [] };
        jobs.set(jobId, job);
        for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT_JOBS))) jobs.delete(old);
      }
      job.files.push(file);
    },
    get: (jobId) => jobs.get(jobId),
  };
}
