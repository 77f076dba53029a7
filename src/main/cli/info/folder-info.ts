import { resolve } from 'node:path';
import { readDicomFile } from '../../dicom/read-dicom';
import { scanFolder } from '../../dicom/scan-folder';
import { isOwnOutput } from '../../convert/own-output';

/** One series as `dicom-ink info <folder>` lists it. */
export interface SeriesInfo {
  seriesInstanceUid: string;
  studyInstanceUid: string;
  modality?: string;
  seriesNumber?: number;
  description?: string;
  images: number;
  frames: number;
  /** distinct "columns x rows" sizes */
  sizes: string[];
  /** images of this series that DICOM Ink wrote */
  ownOutputs: number;
}

/** What a folder holds: images per series, transfer syntaxes, and the files that are not images. */
export interface FolderInfo {
  folder: string;
  files: number;
  series: SeriesInfo[];
  /** transfer syntax UID -> number of images */
  transferSyntaxes: Map<string, number>;
  /** reason -> number of files not converted for it (not DICOM, not an image, unreadable) */
  notImages: Map<string, number>;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Reads every file's header under `folder` (a few at a time) and gathers them by series. */
export async function folderInfo(folder: string): Promise<FolderInfo> {
  const info: FolderInfo = {
    folder: resolve(folder),
    files: 0,
    series: [],
    transferSyntaxes: new Map(),
    notImages: new Map(),
  };
  const bySeries = new Map<string, SeriesInfo>();
  const take = async (path: string): Promise<void> => {
    const read = await readDicomFile(path, { headerOnly: true });
    if (!read.ok) {
      increment(info.notImages, read.reason);
      return;
    }
    const h = read.image.header;
    let series = bySeries.get(h.seriesInstanceUid);
    if (series === undefined) {
      series = {
        seriesInstanceUid: h.seriesInstanceUid,
        studyInstanceUid: h.studyInstanceUid,
        modality: h.modality,
        seriesNumber: h.seriesNumber,
        description: h.seriesDescription,
        images: 0,
        frames: 0,
        sizes: [],
        ownOutputs: 0,
      };
      bySeries.set(h.seriesInstanceUid, series);
      info.series.push(series);
    }
    series.images++;
    series.frames += h.pixel.numberOfFrames;
    const size = `${h.pixel.columns} x ${h.pixel.rows}`;
    if (!series.sizes.includes(size)) series.sizes.push(size);
    if (isOwnOutput(read.image)) series.ownOutputs++;
    increment(info.transferSyntaxes, h.transferSyntaxUid);
  };
  const pending = new Set<Promise<void>>();
  for await (const path of scanFolder(folder)) {
    info.files++;
    const task = take(path).finally(() => pending.delete(task));
    pending.add(task);
    if (pending.size >= 8) await Promise.race(pending);
  }
  await Promise.all(pending);
  return info;
}
