/** What each export scope sends to main: the files (or opened folders) and the boxes lying on them. */
import type { EditableBox } from '../../../shared/editor';
import {
  exportAlgorithm,
  type ExportAlgorithm,
  type FileAlgorithm,
} from '../../../shared/findings/file-algorithms';
import type { ExportBox } from '../../../shared/ipc/export';
import type { SeriesEntry } from '../../../shared/ipc/library';

export type ScopeId = 'image' | 'series' | 'everything';

export interface ExportScope {
  id: ScopeId;
  label: string;
  inputs: string[];
  boxes: ExportBox[];
  /** the algorithm the scope's findings files name (or why they name no single one) */
  algorithm: ExportAlgorithm;
}

export function toExportBox(box: EditableBox): ExportBox {
  return {
    sopInstanceUid: box.sliceKey,
    frame: box.frame,
    x1: box.x1,
    y1: box.y1,
    x2: box.x2,
    y2: box.y2,
    color: box.color,
    thickness: box.thickness,
    ...(box.label === undefined || box.label === '' ? {} : { label: box.label }),
    ...(box.score === undefined ? {} : { score: box.score }),
    ...(box.region === undefined ? {} : { region: box.region }),
    ...(box.findingId === undefined ? {} : { id: box.findingId }),
    ...(box.review === undefined ? {} : { review: box.review }),
    ...(box.drawn === true ? { finder: 'reader' as const } : {}),
  };
}

function boxesOn(boxes: readonly EditableBox[], sops: ReadonlySet<string>): ExportBox[] {
  return boxes.filter((b) => sops.has(b.sliceKey)).map(toExportBox);
}

/** The findings files of the series' folder, and of every opened folder ("everything open"). */
export interface ScopeFiles {
  folder: readonly FileAlgorithm[];
  all: readonly FileAlgorithm[];
}

/**
 * This image = the file of the slice shown (every frame of a multi-frame file), this series = its files,
 * everything open = the opened folders. Each names the algorithm of the findings files of its folders.
 */
export function exportScopes(
  series: SeriesEntry,
  index: number,
  folders: readonly string[],
  boxes: readonly EditableBox[],
  files: ScopeFiles = { folder: [], all: [] },
): ExportScope[] {
  const ofFolder = exportAlgorithm(files.folder);
  const slice = series.slices[index];
  const seriesFiles = [...new Set(series.slices.map((s) => s.path))];
  const seriesSops = new Set(series.slices.map((s) => s.sopInstanceUid));
  const scopes: ExportScope[] = [];
  if (slice) {
    scopes.push({
      id: 'image',
      label: `This image (slice ${index + 1})`,
      inputs: [slice.path],
      boxes: boxesOn(boxes, new Set([slice.sopInstanceUid])),
      algorithm: ofFolder,
    });
  }
  scopes.push({
    id: 'series',
    label: `This series (${seriesFiles.length} file${seriesFiles.length === 1 ? '' : 's'})`,
    inputs: seriesFiles,
    boxes: boxesOn(boxes, seriesSops),
    algorithm: ofFolder,
  });
  scopes.push({
    id: 'everything',
    label: `Everything open (${folders.length} folder${folders.length === 1 ? '' : 's'})`,
    inputs: [...folders],
    boxes: boxes.map(toExportBox),
    algorithm: exportAlgorithm(files.all),
  });
  return scopes;
}

/**
 * `<folder>-dicom-ink` beside the input folder; for the bundled sample (inside the app's own files, a
 * checkout or an installation) the app's exports folder in the user's data folder.
 */
export function defaultOutDir(
  folder: string,
  sample?: { sampleFolder: string; sampleExportsDir: string },
): string {
  const trimmed = folder.replace(/[\\/]+$/, '');
  if (sample && isWithin(trimmed, sample.sampleFolder)) return sample.sampleExportsDir;
  return `${trimmed}-dicom-ink`;
}

/** `path` is `root` or below it (either separator; the renderer has no path module). */
function isWithin(path: string, root: string): boolean {
  const base = root.replace(/[\\/]+$/, '');
  return path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}\\`);
}
