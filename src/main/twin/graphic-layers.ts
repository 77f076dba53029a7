import { toLongString } from '../../shared/dicom/long-string';
import type { Finder, Rgb } from '../../shared/boxes/model';
import { READER_LAYER_PREFIX, readerLayerDescription } from '../../shared/findings/reader-layer';
import { findingGroupKey } from './finding-group';
import type { TwinImage } from './types';

/**
 * One Graphic Layer (PS3.3 C.10.7) per finding label and colour: the layer's colour is what a viewer
 * draws its graphics and texts in, so findings of one label drawn in two colours (a red box, an orange
 * mask) get a layer each and keep the colours the burned-in copy shows. The boxes the reader drew are
 * on layers of their own ('READER ...', described as drawn by the reader), so a viewer shows or hides
 * them apart from the algorithm's.
 */
export interface GraphicLayer {
  /** which findings it holds: see layerKey */
  key: string;
  /** Graphic Layer (0070,0002): CS, at most 16 of A-Z, 0-9, space and underscore */
  name: string;
  /** the finding label it holds (Graphic Layer Description), or undefined for unlabelled findings */
  label: string | undefined;
  color: Rgb;
  /** 'reader': the layer holds the findings the reader drew */
  finder?: Finder;
}

/** What unlabelled findings are called in layer names and descriptions. */
export const UNLABELLED = 'FINDINGS';

/** A label as a CS value: upper case, other characters as underscores, at most 16 characters. */
function csName(label: string): string {
  const name = label
    .toUpperCase()
    .replace(/[^A-Z0-9 _]/g, '_')
    .trim()
    .slice(0, 16)
    .trimEnd();
  return name === '' ? UNLABELLED : name;
}

/** The layer a finding belongs to: its label, its colour, and whether the reader drew it. */
export function layerKey(finding: { label?: string | undefined; color: Rgb; finder?: Finder }): string {
  return findingGroupKey(finding.label ?? '', finding.color, finding.finder);
}

/** Graphic Layer Description (LO): the label, and who drew it when the reader did (read-gsps reads it back). */
export function layerDescription(layer: GraphicLayer): string {
  const label = layer.label ?? UNLABELLED;
  return layer.finder === 'reader' ? readerLayerDescription(label) : toLongString(label);
}

/**
 * The layer that holds the AI notice (notice.ts) as the burned-in copy shows it, apart from every
 * finding's layer: a viewer can hide the findings and still see what they were, or the reverse.
 */
export const NOTICE_LAYER = 'AI NOTICE';

/** Its Graphic Layer Description. */
export const NOTICE_LAYER_DESCRIPTION = 'AI notice, as on the burned-in copy';

/**
 * The layers of a set of images, in order of first appearance (images in the order given, findings
 * in their order): one per distinct label and colour. Two layers with the same CS form get a numbered
 * name; so does one whose name would be NOTICE_LAYER's (a finding labelled "AI notice").
 */
export function graphicLayers(images: readonly TwinImage[]): GraphicLayer[] {
  const layers: GraphicLayer[] = [];
  const byLabel = new Map<string, GraphicLayer>();
  const taken = new Set<string>([NOTICE_LAYER]);
  for (const image of images) {
    for (const finding of image.findings) {
      const key = layerKey(finding);
      if (byLabel.has(key)) continue;
      const labelName = finding.label === undefined ? UNLABELLED : finding.label;
      let name = csName(finding.finder === 'reader' ? `${READER_LAYER_PREFIX}${labelName}` : labelName);
      for (let n = 2; taken.has(name); n++) name = `${name.slice(0, 16 - String(n).length - 1)}_${n}`;
      taken.add(name);
      const layer: GraphicLayer = {
        key,
        name,
        label: finding.label,
        color: finding.color,
        ...(finding.finder === undefined ? {} : { finder: finding.finder }),
      };
      byLabel.set(key, layer);
      layers.push(layer);
    }
  }
  return layers;
}
