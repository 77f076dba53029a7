import { constants } from 'node:fs';
import { copyFile, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deriveUid } from '../../dicom/uids';
import type { InstanceInfo } from '../instance-file';
import type { DeliveryTarget, FinishResult } from '../target';
import { encodeDicomdir } from './encode-dicomdir';
import { layoutMedia, studiesSpanningPatients } from './media-layout';
import { placeMediaFolder } from './place-folder';
import { buildRecordTree, dicomDate } from './records';
import type { MediaEntry } from './records';
import { filledStudyDateNotes } from './study-date';

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

/** Where copies wait for their File IDs (not a valid File ID component, so never part of the file-set). */
const STAGING = '.staged';

/** Moves every staged copy to its File ID; the staging folder is then empty and removed. */
async function placeStaged(
  temp: string,
  entries: readonly MediaEntry[],
  staged: Map<string, string>,
): Promise<void> {
  for (const entry of entries) {
    const target = join(temp, ...entry.fileId);
    await mkdir(dirname(target), { recursive: true });
    await rename(staged.get(entry.info.sopInstanceUid) as string, target);
  }
  await rmdir(join(temp, STAGING)).catch(() => undefined);
}

/** The DICOMDIR of the laid-out entries, written into `temp`, and what the summary should say of it. */
async function writeDirectory(
  temp: string,
  folder: string,
  entries: readonly MediaEntry[],
): Promise<string[]> {
  const fileSetId = fileSetIdFor(folder);
  const uids = entries.map((e) => e.info.sopInstanceUid).sort();
  const today = new Date();
  const bytes = encodeDicomdir({
    fileSetId,
    sopInstanceUid: deriveUid('DICOMDIR', fileSetId, uids.join('\\')),
    roots: buildRecordTree(entries, today),
  });
  await writeFile(join(temp, 'DICOMDIR'), bytes);
  const infos = entries.map((e) => e.info);
  return [...studiesSpanningPatients(infos), ...filledStudyDateNotes(entries, dicomDate(today))];
}

/**
 * A DICOMDIR media folder (General Purpose media, PS3.11 Annex D; PS3.10 file-set) as a delivery target:
 * each file is copied (not read into memory) into a temporary folder beside `folder`; finish() gives
 * every copy its 8-character File ID in media order (patient, study, series, instance: the same
 * whatever order the files came in), writes the DICOMDIR and renames the folder into place, so a failed
 * or cancelled run leaves no half-written media. Inputs are only read.
 */
export function dicomdirTarget(folder: string, options: DicomdirTargetOptions): DeliveryTarget {
  const temp = join(dirname(folder), `.${basename(folder)}.partial-${process.pid}`);
  const copied: InstanceInfo[] = [];
  const staged = new Map<string, string>();
  let started: Promise<void> | undefined;
  const start = (): Promise<void> =>
    (started ??= rm(temp, { recursive: true, force: true }).then(() =>
      mkdir(join(temp, STAGING), { recursive: true }).then(() => undefined),
    ));
  return {
    label: `DICOMDIR ${folder}`,
    batchLimit: { count: 100, bytes: 1 << 30 },
    maxParallel: 1,
    async sendBatch(batch, batchOptions) {
      await start();
      for (const [index, info] of batch.entries()) {
        if (staged.has(info.sopInstanceUid)) {
          batchOptions.onAnswer(index, {
            kind: 'stored',
            detail: 'already-stored',
            meaning: `SOP Instance ${info.sopInstanceUid} is already in the DICOMDIR folder`,
          });
          continue;
        }
        const target = join(temp, STAGING, String(copied.length + 1));
        try {
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
        staged.set(info.sopInstanceUid, target);
        copied.push(info);
        batchOptions.onAnswer(index, { kind: 'stored', detail: 'success' });
      }
      return { ok: true };
    },
    async discard() {
      await rm(temp, { recursive: true, force: true });
    },
    async finish(): Promise<FinishResult> {
      try {
        await start();
        const layout = layoutMedia(copied);
        if (!layout.ok) {
          await rm(temp, { recursive: true, force: true });
          return layout;
        }
        await placeStaged(temp, layout.entries, staged);
        const notes = await writeDirectory(temp, folder, layout.entries);
        const placed = await placeMediaFolder(temp, folder, options.overwrite);
        if (!placed.ok) {
          await rm(temp, { recursive: true, force: true });
          return placed;
        }
        return notes.length > 0 ? { ok: true, notes } : { ok: true };
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
