import { constants } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deriveUid } from '../../dicom/uids';
import type { DeliveryTarget } from '../target';
import { encodeDicomdir } from './encode-dicomdir';
import { FileIdAssigner } from './file-ids';
import { placeMediaFolder } from './place-folder';
import { buildRecordTree } from './records';
import type { MediaEntry } from './records';

/** A File-set ID (PS3.3 F.2.2.1, CS, at most 16 characters) made from the folder's name. */
export function fileSetIdFor(folder: string): string {
  const id = basename(folder)
    .toUpperCase()
    .replace(/[^A-Z0-9_ ]/g, '_')
    .slice(0, 16)
    .trim();
  return id === '' ? 'DICOMINK' : id;
}

export interface DicomdirTargetOptions {
  /** replace a folder that is not empty */
  overwrite: boolean;
}

/**
 * A DICOMDIR media folder (General Purpose media, PS3.11 Annex D; PS3.10 file-set) as a delivery target:
 * each file is copied (not read into memory) under its 8-character File ID into a temporary folder
 * beside `folder`; finish() writes the DICOMDIR there and renames the folder into place, so a failed or
 * cancelled run leaves no half-written media. Inputs are only read.
 */
export function dicomdirTarget(folder: string, options: DicomdirTargetOptions): DeliveryTarget {
  const temp = join(dirname(folder), `.${basename(folder)}.partial-${process.pid}`);
  const assigner = new FileIdAssigner();
  const entries: MediaEntry[] = [];
  const seen = new Set<string>();
  let started: Promise<void> | undefined;
  const start = (): Promise<void> =>
    (started ??= rm(temp, { recursive: true, force: true }).then(() =>
      mkdir(temp, { recursive: true }).then(() => undefined),
    ));
  return {
    label: `DICOMDIR ${folder}`,
    batchLimit: { count: 100, bytes: 1 << 30 },
    maxParallel: 1,
    async sendBatch(batch, batchOptions) {
      await start();
      for (const [index, info] of batch.entries()) {
        if (seen.has(info.sopInstanceUid)) {
          batchOptions.onAnswer(index, {
            kind: 'stored',
            detail: 'already-stored',
            meaning: `SOP Instance ${info.sopInstanceUid} is already in the DICOMDIR folder`,
          });
          continue;
        }
        const assigned = assigner.assign({
          patientKey: info.tags['00100020'] ?? `(no Patient ID) ${info.tags['00100010'] ?? ''}`,
          studyInstanceUid: info.studyInstanceUid,
          seriesInstanceUid: info.seriesInstanceUid,
        });
        if (!assigned.ok) {
          batchOptions.onAnswer(index, { kind: 'failed', transient: false, meaning: assigned.reason });
          continue;
        }
        const target = join(temp, ...assigned.fileId);
        try {
          await mkdir(dirname(target), { recursive: true });
          await copyFile(info.path, target, constants.COPYFILE_EXCL);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          batchOptions.onAnswer(index, {
            kind: 'failed',
            transient: false,
            meaning: `could not be copied into the DICOMDIR folder (${code}); check the free space and permissions of ${dirname(folder)}`,
          });
          continue;
        }
        seen.add(info.sopInstanceUid);
        entries.push({ info, fileId: assigned.fileId });
        batchOptions.onAnswer(index, { kind: 'stored', detail: 'success' });
      }
      return { ok: true };
    },
    async discard() {
      await rm(temp, { recursive: true, force: true });
    },
    async finish() {
      try {
        await start();
        const fileSetId = fileSetIdFor(folder);
        const uids = entries.map((e) => e.info.sopInstanceUid).sort();
        const bytes = encodeDicomdir({
          fileSetId,
          sopInstanceUid: deriveUid('DICOMDIR', fileSetId, uids.join('\\')),
          roots: buildRecordTree(entries),
        });
        await writeFile(join(temp, 'DICOMDIR'), bytes);
        const placed = await placeMediaFolder(temp, folder, options.overwrite);
        if (!placed.ok) {
          await rm(temp, { recursive: true, force: true });
          return placed;
        }
        return { ok: true };
      } catch (error) {
        await rm(temp, { recursive: true, force: true });
        return {
          ok: false,
          reason: `the DICOMDIR folder ${folder} could not be written (${(error as Error).message})`,
        };
      }
    },
  };
}
