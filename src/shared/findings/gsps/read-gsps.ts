import type { DataSet } from 'dicom-parser';
import type { Rgb } from '../../boxes/model';
import {
  doubleValue,
  floatValues,
  int32Values,
  numberValues,
  presentElement,
  sequenceItems,
  stringValue,
  tagKey,
  uint16Value,
  textDecoding,
  type TextDecoding,
} from '../../dicom/dataset-values';
import { dicomLabToRgb } from '../cielab';
import type { AnnotationGraphic, Extent, ImageReference, ReadGraphics } from '../annotations/graphic';
import { MASK_REGION_GROUP } from '../annotations/outline-region';
import { readerLayerLabel } from '../reader-layer';

const REFERENCED_IMAGES = '00081140';
const GRAPHIC_LAYER = '00700002';
const GRAPHIC_GROUP_ID = '00700295';

interface Layer {
  description?: string;
  color?: Rgb;
}

/** Graphic Layer Module (PS3.3 C.10.7): each layer's description and recommended CIELab colour. */
function readLayers(ds: DataSet, utf8: TextDecoding): Map<string, Layer> {
  const layers = new Map<string, Layer>();
  for (const item of sequenceItems(ds, '00700060')) {
    const name = stringValue(item, GRAPHIC_LAYER);
    if (!name) continue;
    const layer: Layer = {};
    const description = stringValue(item, '00700068', utf8);
    if (description) layer.description = description;
    const lab = [0, 1, 2].map((i) => uint16Value(item, '00700401', i));
    if (lab.every((v) => v !== undefined)) layer.color = dicomLabToRgb(lab as number[]);
    layers.set(name, layer);
  }
  return layers;
}

/** Referenced Image Sequence items: SOP Instance and frames (absent frames = every frame). */
function referencedImages(ds: DataSet): ImageReference[] {
  return sequenceItems(ds, REFERENCED_IMAGES).flatMap((item) => {
    const uid = stringValue(item, '00081155');
    if (!uid) return [];
    const frames = numberValues(item, '00081160');
    return [frames && frames.length > 0 ? { sopInstanceUid: uid, frames } : { sopInstanceUid: uid }];
  });
}

/**
 * Where DISPLAY units land on each image: the Displayed Area Selection (PS3.3 C.10.4) names the first and
 * last pixel shown (1-based column\row), so the area spans from the top left corner of the first to the
 * bottom right corner of the last. A rotated or flipped display (C.10.6) is not converted.
 */
function displayContext(
  ds: DataSet,
): (sop: string) => Pick<ImageReference, 'displayedArea' | 'displayProblem'> {
  const rotation = uint16Value(ds, '00700042') ?? 0;
  const flip = stringValue(ds, '00700041') === 'Y';
  if (rotation !== 0 || flip) {
    const how = [rotation !== 0 ? `rotated ${rotation} degrees` : '', flip ? 'flipped' : ''].filter(Boolean);
    return () => ({
      displayProblem: `it is in DISPLAY units on a display ${how.join(' and ')}, which DICOM Ink does not convert to pixels`,
    });
  }
  const areas: { sops: string[] | undefined; extent: Extent }[] = [];
  for (const item of sequenceItems(ds, '0070005a')) {
    const [c1, r1] = int32Values(item, '00700052');
    const [c2, r2] = int32Values(item, '00700053');
    if (c1 === undefined || r1 === undefined || c2 === undefined || r2 === undefined) continue;
    const sops = referencedImages(item).map((r) => r.sopInstanceUid);
    areas.push({
      sops: sops.length > 0 ? sops : undefined,
      extent: { left: c1 - 1, top: r1 - 1, right: c2, bottom: r2 },
    });
  }
  return (sop) => {
    const area = areas.find((a) => a.sops?.includes(sop)) ?? areas.find((a) => a.sops === undefined);
    return area ? { displayedArea: area.extent } : {};
  };
}

/** Graphic Group ID (0070,0295), UL: ties a text object to its graphic (PS3.3 C.10.5.1.3). */
function graphicGroup(item: DataSet): number | undefined {
  const element = presentElement(item, GRAPHIC_GROUP_ID);
  return element && element.length >= 4 ? item.uint32(tagKey(GRAPHIC_GROUP_ID)) : undefined;
}

interface TextObject {
  text: string;
  group?: number;
}

/**
 * The text object that goes with a graphic: the one in its Graphic Group (C.10.5.1.3; a graphic in a
 * group without a text has none), else the one at the same position when the annotation has as many
 * texts as graphics, else the annotation's only text.
 */
function pairedText(
  texts: readonly TextObject[],
  group: number | undefined,
  position: number,
  graphics: number,
): string | undefined {
  if (group !== undefined && texts.some((t) => t.group !== undefined))
    return texts.find((t) => t.group === group)?.text;
  if (texts.length === graphics) return texts[position]?.text;
  return texts.length === 1 ? texts[0]?.text : undefined;
}

/** A score as burned beside a label: a number from 0 to 1. */
const SCORE = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/;

/**
 * Label and score from a text object and the layer's name: a text that is the layer's label followed by a
 * number from 0 to 1 (how DICOM Ink and detectors write "kidney lesion 0.93") is that label and score; a
 * bare number is a score; any other text is the label. Without a text, the layer names the graphic.
 */
function labelAndScore(
  text: string | undefined,
  layer: string | undefined,
): { label?: string; score?: number } {
  if (text === undefined) return layer === undefined ? {} : { label: layer };
  const trimmed = text.trim();
  if (SCORE.test(trimmed)) return { score: Number(trimmed) };
  if (layer !== undefined && trimmed.startsWith(`${layer} `)) {
    const rest = trimmed.slice(layer.length + 1).trim();
    if (SCORE.test(rest)) return { label: layer, score: Number(rest) };
  }
  return { label: trimmed };
}

/**
 * The graphics of a presentation state's Graphic Annotation Sequence (PS3.3 C.10.5), in order, each on
 * the images its annotation references (else every image of the Referenced Series Sequence). A graphic's
 * label and score come from its text object (see pairedText, labelAndScore), else its layer's description
 * or name; its colour is the layer's recommended CIELab colour. Compound graphics are read
 * when they are unrotated RECTANGLEs (two corners); others are reported.
 */
/** Graphic Group IDs whose Graphic Group Description marks a mask region (outline-region.ts). */
function regionGroups(root: DataSet): Set<number> {
  const groups = new Set<number>();
  for (const item of sequenceItems(root, '00700234')) {
    const id = graphicGroup(item);
    if (id !== undefined && stringValue(item, '00700208') === MASK_REGION_GROUP) groups.add(id);
  }
  return groups;
}

/**
 * The graphics of one annotation with each mask region's outlines (the POLYLINEs of one region group)
 * joined into one graphic that carries them all, placed as that region.
 */
function joinRegions(
  graphics: AnnotationGraphic[],
  groups: readonly (number | undefined)[],
  regions: ReadonlySet<number>,
): AnnotationGraphic[] {
  const joined: AnnotationGraphic[] = [];
  const byGroup = new Map<number, AnnotationGraphic>();
  graphics.forEach((graphic, i) => {
    const group = groups[i];
    if (group === undefined || !regions.has(group) || graphic.type !== 'POLYLINE') {
      joined.push(graphic);
      return;
    }
    const first = byGroup.get(group);
    if (first === undefined) {
      const region = { ...graphic, outlines: [graphic.points] };
      byGroup.set(group, region);
      joined.push(region);
      return;
    }
    first.outlines = [...(first.outlines ?? []), graphic.points];
    first.points = [...first.points, ...graphic.points];
  });
  return joined;
}

export function readPresentationState(root: DataSet, name: string): ReadGraphics {
  const utf8 = textDecoding(root);
  const result: ReadGraphics = { graphics: [], problems: [], notes: [] };
  const regions = regionGroups(root);
  const layers = readLayers(root, utf8);
  const display = displayContext(root);
  const seriesImages = sequenceItems(root, '00081115').flatMap(referencedImages);
  let index = 0;
  for (const annotation of sequenceItems(root, '00700001')) {
    const own = referencedImages(annotation);
    const images = own.length > 0 ? own : seriesImages;
    const references = images.map((r) => ({ ...r, ...display(r.sopInstanceUid) }));
    const layerName = stringValue(annotation, GRAPHIC_LAYER) ?? '';
    const layer = layers.get(layerName);
    // a layer DICOM Ink marked as the reader's: its label without the words that say so
    const readerLabel = readerLayerLabel(layerName, layer?.description);
    const texts: TextObject[] = sequenceItems(annotation, '00700008').flatMap((item) => {
      const text = stringValue(item, '00700006', utf8);
      if (!text) return [];
      const group = graphicGroup(item);
      return [group === undefined ? { text } : { text, group }];
    });
    const objects = [
      ...sequenceItems(annotation, '00700009').map((item) => ({ item, compound: false })),
      ...sequenceItems(annotation, '00700209').map((item) => ({ item, compound: true })),
    ];
    const graphicCount = objects.length;
    const read: AnnotationGraphic[] = [];
    const readGroups: (number | undefined)[] = [];
    for (const [graphicIndex, { item, compound }] of objects.entries()) {
      index++;
      const origin = `${name} graphic ${index}`;
      const units = stringValue(item, '00700005') ?? 'PIXEL';
      if (units !== 'PIXEL' && units !== 'DISPLAY') {
        result.problems.push({ index, origin, reason: `its units ${units} are neither PIXEL nor DISPLAY` });
        continue;
      }
      const dimensions = uint16Value(item, '00700020') ?? 2;
      if (dimensions !== 2) {
        result.problems.push({
          index,
          origin,
          reason: `it has ${dimensions} graphic dimensions (2 expected)`,
        });
        continue;
      }
      let type = stringValue(item, '00700023') ?? '';
      if (compound) {
        type = stringValue(item, '00700294') ?? '';
        const angle = doubleValue(item, '00700230') ?? 0;
        if (type !== 'RECTANGLE' || angle !== 0) {
          result.problems.push({
            index,
            origin,
            reason: `it is a compound graphic ${type}${angle !== 0 ? ` rotated ${angle} degrees` : ''}, which DICOM Ink does not read (unrotated RECTANGLEs only)`,
          });
          continue;
        }
      }
      const graphic: AnnotationGraphic = {
        index,
        origin,
        type,
        units,
        points: floatValues(item, '00700022'),
        references,
      };
      const text = pairedText(texts, graphicGroup(item), graphicIndex, graphicCount);
      Object.assign(
        graphic,
        labelAndScore(text, readerLabel ?? layer?.description ?? (layerName || undefined)),
      );
      if (readerLabel !== undefined) graphic.finder = 'reader';
      if (layer?.color) graphic.color = layer.color;
      read.push(graphic);
      readGroups.push(graphicGroup(item));
    }
    result.graphics.push(...joinRegions(read, readGroups, regions));
  }
  const label = stringValue(root, '00700080', utf8);
  result.notes.push(
    `${name}: presentation state${label ? ` "${label}"` : ''}, ${index} graphic(s) in ${sequenceItems(root, '00700001').length} annotation(s)`,
  );
  return result;
}
