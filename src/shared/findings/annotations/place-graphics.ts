import type { BoxParseError, BoxRecord, MaskRegion } from '../../boxes/model';
import type { AnnotationGraphic, Extent, GraphicProblem, ImageReference, ReadGraphics } from './graphic';
import { extentPixels, graphicExtent } from './graphic';
import { regionFromOutlines } from './outline-region';
import type { PlaneImage } from './volume-graphic';
import { volumeToImage } from './volume-graphic';

/** What placement needs to know about an image the graphics may name (the CLI's catalogue or the app's open images). */
export interface PlacementImage {
  sopInstanceUid: string;
  columns: number;
  rows: number;
  frames: number;
  /** what messages call it (its path relative to the input folder) */
  name: string;
}

export interface PlacedGraphics {
  findings: BoxRecord[];
  problems: GraphicProblem[];
}

function toPixels(
  extent: Extent,
  reference: ImageReference,
  image: PlacementImage,
  units: string,
): Extent | string {
  if (units === 'PIXEL') return extent;
  if (reference.displayProblem) return reference.displayProblem;
  // DISPLAY units run 0..1 across the displayed area (PS3.3 C.10.5.1.1); without a Displayed Area
  // Selection for the image, that area is the whole image.
  const area = reference.displayedArea ?? { left: 0, top: 0, right: image.columns, bottom: image.rows };
  const width = area.right - area.left;
  const height = area.bottom - area.top;
  return {
    left: area.left + extent.left * width,
    top: area.top + extent.top * height,
    right: area.left + extent.right * width,
    bottom: area.top + extent.bottom * height,
  };
}

/** A region's bounds as inclusive pixel corners (how mask importers give x1..y2 of a region). */
function regionBounds(region: MaskRegion): { x1: number; y1: number; x2: number; y2: number } {
  return { x1: region.x, y1: region.y, x2: region.x + region.width - 1, y2: region.y + region.height - 1 };
}

/**
 * Graphics -> boxes on the frames they reference: the smallest box of whole pixels holding the graphic.
 * Each graphic that cannot be placed (an image not among `images`, a frame the image lacks, a shape
 * entirely outside the image) is a problem with its origin and the reason; the others still apply.
 */
export function placeGraphics(
  graphics: readonly AnnotationGraphic[],
  findImage: (sopInstanceUid: string) => PlacementImage | undefined,
): PlacedGraphics {
  const placed: PlacedGraphics = { findings: [], problems: [] };
  for (const graphic of graphics) {
    const extent = graphicExtent(graphic.type, graphic.points);
    if (typeof extent === 'string') {
      placed.problems.push({ index: graphic.index, origin: graphic.origin, reason: extent });
      continue;
    }
    if (graphic.references.length === 0) {
      placed.problems.push({
        index: graphic.index,
        origin: graphic.origin,
        reason: 'it references no image',
      });
      continue;
    }
    const targets = graphic.references.flatMap((reference) => {
      const image = findImage(reference.sopInstanceUid);
      return (reference.frames ?? [undefined]).map((frame) => ({ reference, image, frame }));
    });
    for (const { reference, image, frame } of targets) {
      const where =
        targets.length === 1
          ? ''
          : ` on ${image?.name ?? reference.sopInstanceUid}${frame ? ` frame ${frame}` : ''}`;
      const origin = `${graphic.origin}${where}`;
      if (!image) {
        placed.problems.push({
          index: graphic.index,
          origin,
          reason: `it references SOP Instance ${reference.sopInstanceUid}, which is not among the images`,
        });
        continue;
      }
      if (frame !== undefined && (frame < 1 || frame > image.frames)) {
        placed.problems.push({
          index: graphic.index,
          origin,
          reason: `it references frame ${frame} of ${image.name}, which has ${image.frames} frame(s)`,
        });
        continue;
      }
      const pixels = toPixels(extent, reference, image, graphic.units);
      if (typeof pixels === 'string') {
        placed.problems.push({ index: graphic.index, origin, reason: pixels });
        continue;
      }
      const region =
        graphic.outlines && graphic.units === 'PIXEL' ? regionFromOutlines(graphic.outlines) : undefined;
      const box = region ? regionBounds(region) : extentPixels(pixels);
      if (box.x2 < 0 || box.y2 < 0 || box.x1 > image.columns - 1 || box.y1 > image.rows - 1) {
        placed.problems.push({
          index: graphic.index,
          origin,
          reason: `its ${graphic.type} lies outside the ${image.columns}x${image.rows} image ${image.name}`,
        });
        continue;
      }
      const frames = frame === undefined ? Array.from({ length: image.frames }, (_, i) => i + 1) : [frame];
      for (const n of frames) {
        const record: BoxRecord = {
          target: { kind: 'sop', sopInstanceUid: image.sopInstanceUid },
          frame: n,
          ...box,
          origin: frames.length === 1 ? origin : `${origin} frame ${n}`,
        };
        if (graphic.label !== undefined) record.label = graphic.label;
        if (graphic.score !== undefined) record.score = graphic.score;
        if (graphic.id !== undefined) record.id = graphic.id;
        if (graphic.review !== undefined) record.review = graphic.review;
        if (graphic.finder !== undefined) record.finder = graphic.finder;
        if (graphic.color !== undefined) record.color = graphic.color;
        if (region) record.region = region;
        placed.findings.push(record);
      }
    }
  }
  return placed;
}

/**
 * Everything a file's graphics give: the boxes placed, and every graphic that could not be read or placed,
 * in the order of the graphics in the file. SCOORD3D graphics go through `planes` (the images' Image Plane
 * Modules); without them they are reported.
 */
export function placeReadGraphics(
  read: ReadGraphics,
  findImage: (sopInstanceUid: string) => PlacementImage | undefined,
  planes?: readonly PlaneImage[],
): { findings: BoxRecord[]; problems: BoxParseError[] } {
  const graphics = [...read.graphics];
  const problems: GraphicProblem[] = [...read.problems];
  for (const volume of read.volumeGraphics ?? []) {
    if (!planes) {
      problems.push({
        index: volume.index,
        origin: volume.origin,
        reason: `its ${volume.type} is an SCOORD3D in patient coordinates (mm), which is only placed on images whose planes are known`,
      });
      continue;
    }
    const mapped = volumeToImage(volume, planes);
    if ('reason' in mapped) problems.push(mapped);
    else graphics.push(mapped);
  }
  graphics.sort((a, b) => a.index - b.index);
  const placed = placeGraphics(graphics, findImage);
  const ordered = [...problems, ...placed.problems]
    .sort((a, b) => a.index - b.index)
    .map(({ origin, reason }) => ({ origin, reason }));
  return { findings: placed.findings, problems: ordered };
}
