/** The Settings' reviewer: one name for every folder, kept by main in reviewer.json (reviewer-store.ts). */
import type { IpcResult } from '../../../shared/ipc/contract';
import { loadReviewer, reviewerFile, saveReviewer } from '../../review/reviewer-store';

export interface ReviewerService {
  get(): Promise<IpcResult<{ reviewer: string | null }>>;
  set(reviewer: string): Promise<IpcResult<{ reviewer: string }>>;
}

export function createReviewerService(deps: { file?: string } = {}): ReviewerService {
  const file = (): string => deps.file ?? reviewerFile();
  return {
    async get() {
      const loaded = await loadReviewer(file());
      return loaded.ok
        ? { ok: true, value: { reviewer: loaded.value ?? null } }
        : { ok: false, error: `The saved reviewer cannot be read: ${loaded.reason}.` };
    },
    async set(reviewer) {
      const saved = await saveReviewer(reviewer, file()).catch((error: unknown) => ({
        ok: false as const,
        reason: `cannot write ${file()} (${error instanceof Error ? error.message : String(error)})`,
      }));
      return saved.ok
        ? { ok: true, value: { reviewer: saved.value } }
        : { ok: false, error: `Reviewer not saved: ${saved.reason}.` };
    },
  };
}
