import type { ImagePlane } from '../geometry/image-plane';
import type { VolumeGrid } from '../geometry/volume-grid';
import { fitVolumeGrid } from '../geometry/volume-grid';

/** What the importers know about one input image: identity, where it is, and its plane when it has one. */
export interface CatalogImage {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  frameOfReferenceUid?: string;
  instanceNumber?: number;
  /** relative to its input folder, '/' separators (what box files' `file` column names) */
  relativePath: string;
  rows: number;
  columns: number;
  frames: number;
  /** single-frame images with a complete Image Plane Module */
  plane?: ImagePlane;
  seriesDescription?: string;
}

/** One series of the inputs, with its 3D grid when its frames form one. */
export interface CatalogSeries {
  seriesInstanceUid: string;
  frameOfReferenceUid?: string;
  description: string;
  images: CatalogImage[];
  grid?: VolumeGrid<CatalogImage>;
  /** why the series is not a regular grid (masks cannot be placed on it) */
  gridProblem?: string;
}

export interface ImageCatalog {
  images: CatalogImage[];
  series: CatalogSeries[];
  bySop: ReadonlyMap<string, CatalogImage>;
  byRelativePath: ReadonlyMap<string, CatalogImage>;
}

/** A series named for people: its description, number of images and UID. */
export function describeSeries(
  series: Pick<CatalogSeries, 'seriesInstanceUid' | 'images' | 'description'>,
): string {
  const first = series.images[0];
  const size = first ? ` of ${first.columns}x${first.rows}` : '';
  const name = series.description ? `"${series.description}" ` : '';
  return `series ${name}(${series.images.length} images${size}, UID ${series.seriesInstanceUid})`;
}

/** Groups images by series and fits each series' planes to a grid. */
export function buildCatalog(images: readonly CatalogImage[]): ImageCatalog {
  const groups = new Map<string, CatalogImage[]>();
  for (const image of images) {
    const list = groups.get(image.seriesInstanceUid);
    if (list) list.push(image);
    else groups.set(image.seriesInstanceUid, [image]);
  }
  const series: CatalogSeries[] = [];
  for (const [uid, list] of groups) {
    const entry: CatalogSeries = {
      seriesInstanceUid: uid,
      description: list.find((i) => i.seriesDescription)?.seriesDescription ?? '',
      images: list,
    };
    const frameOfReference = list.find((i) => i.frameOfReferenceUid)?.frameOfReferenceUid;
    if (frameOfReference !== undefined) entry.frameOfReferenceUid = frameOfReference;
    const withPlanes = list.filter((i) => i.plane);
    if (withPlanes.length !== list.length) {
      entry.gridProblem = list.some((i) => i.frames > 1)
        ? 'it holds multi-frame images, whose per-frame positions are not read yet'
        : 'some of its images have no complete Image Plane Module (position, orientation, spacing)';
    } else {
      const framed = list.flatMap((image) => (image.plane ? [{ plane: image.plane, item: image }] : []));
      const fitted = fitVolumeGrid(framed);
      if (fitted.ok) entry.grid = fitted.grid;
      else entry.gridProblem = fitted.reason;
    }
    series.push(entry);
  }
  return {
    images: [...images],
    series,
    bySop: new Map(images.map((i) => [i.sopInstanceUid, i])),
    byRelativePath: new Map(images.map((i) => [i.relativePath, i])),
  };
}
