/**
 * Grayscale Softcopy Presentation State (PS3.3 A.33.1) of one source series: the original images with
 * the export's window and every finding as a graphic that a viewer can switch off. Pure: data in,
 * data elements out (write-twins.ts writes them).
 */
import { toLongString } from '../../shared/dicom/long-string';
import type { Rgb } from '../../shared/boxes/model';
import { MASK_REGION_GROUP } from '../../shared/findings/annotations/outline-region';
import { formatDs } from '../dicom/write/decimal-string';
import { rgbToDicomLab } from '../../shared/findings/rgb-to-cielab';
import type { DataElement } from '../dicom/write/element';
import { numberElement, sequenceElement, textElement } from '../dicom/write/element';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import {
  documentBase,
  dicomDateTime,
  inTagOrder,
  sourceTimezoneOffset,
  type TwinIdentity,
} from './document-base';
import { boxPolyline } from './finding-text';
import {
  graphicLayers,
  layerDescription,
  layerKey,
  NOTICE_LAYER,
  NOTICE_LAYER_DESCRIPTION,
  UNLABELLED,
  type GraphicLayer,
} from './graphic-layers';
import type { Polyline, ShownLabel, TwinFinding, TwinImage, TwinWindow } from './types';

/** The notice's colour, as the copy draws it (notice.ts): white text on the label background. */
const NOTICE_COLOR: Rgb = [255, 255, 255];

export const GRAYSCALE_SOFTCOPY_PRESENTATION_STATE_STORAGE = '1.2.840.10008.5.1.4.1.1.11.1';

function referencedImage(image: TwinImage, frame?: number): DataElement[] {
  const item = [
    textElement(0x00081150, 'UI', image.sopClassUid),
    textElement(0x00081155, 'UI', image.sopInstanceUid),
  ];
  // Referenced Frame Number only for multi-frame images (PS3.3 C.10.5: the frame the graphic is on).
  if (frame !== undefined && image.frames > 1) item.push(textElement(0x00081160, 'IS', String(frame)));
  return item;
}

function referencedImages(images: readonly TwinImage[]): DataElement {
  return sequenceElement(
    0x00081140,
    images.map((image) => referencedImage(image)),
  );
}

/** Presentation State Relationship (C.11.11): the original images, by series. */
function relationship(images: readonly TwinImage[]): DataElement {
  const series = [...new Set(images.map((i) => i.seriesInstanceUid))];
  return sequenceElement(
    0x00081115,
    series.map((uid) => [
      referencedImages(images.filter((i) => i.seriesInstanceUid === uid)),
      textElement(0x0020000e, 'UI', uid),
    ]),
  );
}

/** Displayed Area (C.10.4): the whole image, scaled to fit, one item per image size. */
function displayedArea(images: readonly TwinImage[]): DataElement {
  const sizes = [...new Set(images.map((i) => `${i.columns}x${i.rows}`))];
  return sequenceElement(
    0x0070005a,
    sizes.map((size) => {
      const these = images.filter((i) => `${i.columns}x${i.rows}` === size);
      const first = these[0] as TwinImage;
      const spacing = first.pixelSpacing;
      const item: DataElement[] = [];
      if (sizes.length > 1) item.push(referencedImages(these));
      item.push(
        numberElement(0x00700052, 'SL', 1, 1),
        numberElement(0x00700053, 'SL', first.columns, first.rows),
        textElement(0x00700100, 'CS', 'SCALE TO FIT'),
      );
      // Presentation Pixel Spacing, else Aspect Ratio (1C): the source's pixels, never assumed square.
      if (spacing && spacing.length === 2 && spacing.every((s) => s > 0)) {
        item.push(textElement(0x00700101, 'DS', spacing.map(formatDs).join('\\')));
      } else item.push(textElement(0x00700102, 'IS', '1\\1'));
      return item;
    }),
  );
}

function windowKey(window: TwinWindow | undefined): string {
  return window === undefined ? '' : `${window.center}/${window.width}/${window.fn}/${window.explanation}`;
}

/**
 * Softcopy VOI LUT (C.11.8): the window each image was exported with (LINEAR, LINEAR_EXACT or
 * SIGMOID, C.11.2.1.2/3). Images sharing a window share an item; references only when not all do.
 */
function softcopyVoi(images: readonly TwinImage[]): DataElement[] {
  const windowed = images.filter((i) => i.window !== undefined);
  const keys = [...new Set(windowed.map((i) => windowKey(i.window)))];
  if (keys.length === 0) return [];
  const all = windowed.length === images.length && keys.length === 1;
  const items = keys.map((key) => {
    const these = windowed.filter((i) => windowKey(i.window) === key);
    const window = (these[0] as TwinImage).window as TwinWindow;
    const item: DataElement[] = [];
    if (!all) item.push(referencedImages(these));
    item.push(
      textElement(0x00281050, 'DS', formatDs(window.center)),
      textElement(0x00281051, 'DS', formatDs(window.width)),
      textElement(0x00281055, 'LO', toLongString(window.explanation)),
      textElement(0x00281056, 'CS', window.fn),
    );
    return item;
  });
  return [sequenceElement(0x00283110, items)];
}

/**
 * Modality LUT (C.11.1), required here because a presentation state's own modality transform replaces
 * the image's (PS3.4 N.2.1.1): without it the window, in modality units, would meet stored values.
 */
function modalityLut(images: readonly TwinImage[]): DataElement[] {
  const rescale = images[0]?.rescale;
  if (!rescale || (rescale.slope === 1 && rescale.intercept === 0)) return [];
  const type = images[0]?.modality === 'CT' ? 'HU' : 'US';
  return [
    textElement(0x00281052, 'DS', formatDs(rescale.intercept)),
    textElement(0x00281053, 'DS', formatDs(rescale.slope)),
    textElement(0x00281054, 'LO', type),
  ];
}

/** Graphic Group ID (C.10.5.1.3): ties each finding's outlines to its text, one group per finding. */
function groupId(group: number): DataElement {
  return numberElement(0x00700295, 'UL', group);
}

function polylineObject(points: Polyline, group: number): DataElement[] {
  return [
    textElement(0x00700005, 'CS', 'PIXEL'),
    numberElement(0x00700020, 'US', 2),
    numberElement(0x00700021, 'US', points.length),
    numberElement(0x00700022, 'FL', ...points.flat()),
    textElement(0x00700023, 'CS', 'POLYLINE'),
    // Graphic Filled (1C): required for a closed polyline (first point = last); an outline, not a fill.
    textElement(0x00700024, 'CS', 'N'),
    groupId(group),
  ];
}

/**
 * The label as the burned-in copy shows it: its text in its strip's place (PIXEL units, the strip's
 * outer pixel edges, C.10.5.1.1), so a viewer shows what the copy shows; a label the copy had no room
 * for has none. The AI notice is written the same way, in no finding's group.
 */
function textObject(label: ShownLabel, group: number | undefined): DataElement[] {
  const item = [
    textElement(0x00700003, 'CS', 'PIXEL'),
    textElement(0x00700006, 'ST', label.text),
    numberElement(0x00700010, 'FL', label.x, label.y),
    numberElement(0x00700011, 'FL', label.x + label.width, label.y + label.height),
    textElement(0x00700012, 'CS', 'LEFT'),
  ];
  if (group !== undefined) item.push(groupId(group));
  return item;
}

/**
 * A Graphic Group Sequence item (C.10.x Graphic Group Module): the finding's label; a mask's group is
 * described as a region (outline-region.ts), so DICOM Ink reads its outlines back as that region.
 */
function graphicGroupItem(finding: TwinFinding, group: number): DataElement[] {
  const item = [groupId(group), textElement(0x00700207, 'LO', toLongString(finding.label ?? UNLABELLED))];
  if (finding.outlines) item.push(textElement(0x00700208, 'ST', MASK_REGION_GROUP));
  return item;
}

/**
 * Graphic Annotation (C.10.5): per image, frame and layer, the outlines and the label texts; and the
 * Graphic Group Sequence (C.10.5.1.3 / C.10.7x Graphic Group Module) naming one group per finding, so a
 * reader pairs each text with its own outlines even where another finding's label was left out.
 */
function graphicAnnotations(images: readonly TwinImage[], layers: readonly GraphicLayer[]): DataElement[] {
  const items: DataElement[][] = [];
  const groups: DataElement[][] = [];
  for (const image of images) {
    const frames = [...new Set(image.findings.map((f) => f.frame))].sort((a, b) => a - b);
    for (const frame of frames) {
      for (const layer of layers) {
        const findings = image.findings.filter((f) => f.frame === frame && layerKey(f) === layer.key);
        if (findings.length === 0) continue;
        const graphics: DataElement[][] = [];
        const texts: DataElement[][] = [];
        for (const finding of findings) {
          const group = groups.length + 1;
          groups.push(graphicGroupItem(finding, group));
          graphics.push(...(finding.outlines ?? [boxPolyline(finding)]).map((p) => polylineObject(p, group)));
          if (finding.shownLabel) texts.push(textObject(finding.shownLabel, group));
        }
        const item: DataElement[] = [
          sequenceElement(0x00081140, [referencedImage(image, frame)]),
          textElement(0x00700002, 'CS', layer.name),
        ];
        if (texts.length > 0) item.push(sequenceElement(0x00700008, texts));
        item.push(sequenceElement(0x00700009, graphics));
        items.push(item);
      }
      // The AI notice the copy shows on this frame ("AI: KidneyNet 2.1 - not reviewed"), in its place.
      const notice = image.notices?.find((n) => n.frame === frame);
      if (notice)
        items.push([
          sequenceElement(0x00081140, [referencedImage(image, frame)]),
          textElement(0x00700002, 'CS', NOTICE_LAYER),
          sequenceElement(0x00700008, [textObject(notice, undefined)]),
        ]);
    }
  }
  if (items.length === 0) return [];
  return [sequenceElement(0x00700001, items), sequenceElement(0x00700234, groups)];
}

/** One Graphic Layer Sequence item: name, order, colour as CIELab and (retired, still read) RGB. */
function layerItem(name: string, order: number, color: Rgb, description: string): DataElement[] {
  return [
    textElement(0x00700002, 'CS', name),
    textElement(0x00700062, 'IS', String(order)),
    numberElement(0x00700066, 'US', 0xffff),
    numberElement(0x00700067, 'US', ...color),
    textElement(0x00700068, 'LO', description),
    numberElement(0x00700401, 'US', ...rgbToDicomLab(color)),
  ];
}

/**
 * Graphic Layer (C.10.7): one per label, then the AI notice's layer when an image shows the notice
 * (drawn last, over the findings, as on the copy).
 */
function graphicLayerModule(layers: readonly GraphicLayer[], notice: boolean): DataElement[] {
  if (layers.length === 0) return [];
  const items = layers.map((layer, index) =>
    layerItem(layer.name, index + 1, layer.color, layerDescription(layer)),
  );
  if (notice) items.push(layerItem(NOTICE_LAYER, layers.length + 1, NOTICE_COLOR, NOTICE_LAYER_DESCRIPTION));
  return [sequenceElement(0x00700060, items)];
}

function countText(images: readonly TwinImage[]): string {
  const findings = images.reduce((n, i) => n + i.findings.length, 0);
  const withFindings = images.filter((i) => i.findings.length > 0).length;
  const noun = findings === 1 ? 'finding' : 'findings';
  return `${findings} ${noun} on ${withFindings} of ${images.length} images`;
}

/**
 * The presentation state's data elements (no File Meta): `images` are the converted images of one
 * source series that share a modality transform and photometric interpretation, in slice order.
 */
export function buildPresentationState(images: readonly TwinImage[], identity: TwinIdentity): DataElement[] {
  const first = images[0];
  if (first === undefined) throw new RangeError('a presentation state needs at least one image');
  const layers = graphicLayers(images);
  const { date, time } = dicomDateTime(identity.created, sourceTimezoneOffset(first));
  const inverse = first.photometric === 'MONOCHROME1';
  return inTagOrder([
    ...documentBase(first, identity, 'PR'),
    ...first.generalSeries,
    // Presentation State Identification (C.11.10)
    textElement(0x00200013, 'IS', '1'),
    textElement(0x00700080, 'CS', 'DICOM INK'),
    textElement(0x00700081, 'LO', toLongString(`${SOFTWARE_NAME} ${SOFTWARE_VERSION}: ${countText(images)}`)),
    textElement(0x00700082, 'DA', date),
    textElement(0x00700083, 'TM', time),
    textElement(0x00700084, 'PN', ''),
    relationship(images),
    displayedArea(images),
    ...graphicAnnotations(images, layers),
    ...graphicLayerModule(
      layers,
      images.some((image) => (image.notices?.length ?? 0) > 0),
    ),
    ...modalityLut(images),
    ...softcopyVoi(images),
    // Softcopy Presentation LUT (C.11.6): MONOCHROME1 shown inverted, as the burned-in copy is.
    textElement(0x20500020, 'CS', inverse ? 'INVERSE' : 'IDENTITY'),
  ]);
}
