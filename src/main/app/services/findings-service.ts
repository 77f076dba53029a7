/**
 * The app's finding import: the chosen files are written, under their own names, into a temporary folder
 * and each goes through the CLI's importers (src/main/findings: recognised by content, the same messages),
 * against a catalogue of the images of one opened folder. Mask regions travel back packed (PackedRegion).
 */
import { fitAlgorithm } from '../../../shared/findings/file-algorithms';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packRegion } from '../../../shared/boxes/packed-region';
import type { BoxRecord } from '../../../shared/boxes/model';
import type { PlacedRecord } from '../../../shared/editor/box-io';
import type { IpcResult } from '../../../shared/ipc/contract';
import type {
  FindingsImportAnswer,
  FindingsImportRequest,
  ImportedSource,
} from '../../../shared/ipc/findings';
import { importContext, importSource, type GivenSource } from '../../findings/import-findings';
import { sidecarPaths } from '../../findings/mask-sidecar';
import { scanCatalog } from '../../findings/scan-catalog';
import type { PathGuard } from '../path-guard';

export interface FindingsService {
  import(request: FindingsImportRequest): Promise<IpcResult<FindingsImportAnswer>>;
}

const MASK_NAME = /\.nii(\.gz)?$|\.dcm$/i;

function toPlaced(record: BoxRecord): PlacedRecord {
  const { region, ...rest } = record;
  return region === undefined ? rest : { ...rest, region: packRegion(region) };
}

/**
 * The sources among the chosen files: each file on its own, except a mask's label table (mask.json or
 * mask.csv chosen with mask.nii.gz), which the mask reads from beside it; a folder is one source.
 */
export function sourcesOf(request: FindingsImportRequest, temp: string): GivenSource[] {
  if (request.kind === 'folder') {
    const top = [...new Set(request.files.map((f) => f.name.split('/')[0] ?? ''))];
    return top.map((name) => ({ given: path.join(temp, name), flag: '--boxes' as const, name }));
  }
  const names = new Set(request.files.map((f) => f.name));
  const sidecars = new Set(
    [...names].flatMap((name) => sidecarPaths(name)).filter((sidecar) => names.has(sidecar)),
  );
  return [...names]
    .filter((name) => !sidecars.has(name))
    .map((name) => ({
      given: path.join(temp, name),
      flag: MASK_NAME.test(name) ? ('--masks' as const) : ('--boxes' as const),
      name,
    }));
}

export function createFindingsService(guard: PathGuard): FindingsService {
  return {
    async import(request) {
      const folder = await guard.check(request.folder);
      if (!folder.ok) return folder;
      const temp = await mkdtemp(path.join(tmpdir(), 'dicom-ink-findings-'));
      try {
        for (const file of request.files) {
          const target = path.join(temp, ...file.name.split('/'));
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, file.bytes);
        }
        // Only the opened folders are read: links leading elsewhere are not followed.
        const context = importContext({ maskStyle: 'outline' }, () =>
          scanCatalog([{ path: folder.value, isDirectory: true, outPrefix: '' }], temp, undefined, [
            ...guard.roots(),
          ]),
        );
        const sources: ImportedSource[] = [];
        for (const given of sourcesOf(request, temp)) {
          const result = await importSource(given, context);
          const source: ImportedSource = {
            name: given.name ?? path.basename(given.given),
            findings: result.refused === undefined ? result.findings.map(toPlaced) : [],
            problems: result.problems,
            notes: result.notes,
          };
          if (result.format !== undefined) source.format = result.format;
          if (result.refused !== undefined) source.refused = result.refused;
          if (result.algorithm !== undefined) source.algorithm = fitAlgorithm(result.algorithm);
          sources.push(source);
        }
        return { ok: true, value: { sources } };
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    },
  };
}
