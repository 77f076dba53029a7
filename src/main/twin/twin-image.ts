import { layoutLabels } from '../../shared/boxes/label-layout';
import type { BurnBox } from '../../shared/boxes/model';
import { isShown } from '../../shared/review/review-state';
import type { SeriesVersion } from '../versions/series-version';
import type { ResolvedVoi, WindowSpec } from '../../shared/pipeline/types';
import type { FrameBox } from '../convert/settings-key';
import { describeVoi } from '../convert/settings-key';
import type { DicomImage } from '../dicom/types';
import { copySourceAttributes } from '../dicom/write/copy-source';
import { describedAs } from '../dicom/write/secondary-capture';
import { maskOutlines } from './mask-outline';
import type { ShownLabel, TwinCopy, TwinFinding, TwinImage, TwinPlane, TwinWindow } from './types';

/**
 * Source attributes a twin document copies: Patient (C.7.1.1), General Study (C.7.2.1), Patient Study
 * (C.7.2.2) and the Timezone Offset of SOP Common, not the image-level ones the SC copy keeps.
 */
const PATIENT_STUDY_TAGS = new Set([
  0x00100010, 0x00100020, 0x00100021, 0x00100030, 0x00100032, 0x00100040, 0x00101001, 0x00104000, 0x00120062,
  0x00120063, 0x0020000d, 0x00080020, 0x00080030, 0x00080090, 0x00200010, 0x00080050, 0x00081030, 0x00081048,
  0x00081060, 0x00101010, 0x00101020, 0x00101030, 0x001021b0, 0x00080201,
]);

/** General Series attributes that hold for a presentation state's series too (Laterality is Type 2C). */
const GENERAL_SERIES_TAGS = new Set([0x00200060, 0x00180015]);

function twinWindow(voi: ResolvedVoi, spec: WindowSpec): TwinWindow | undefined {
  if (voi.kind !== 'window') return undefined;
  return { center: voi.center, width: voi.width, fn: voi.fn, explanation: describeVoi(voi, spec) };
}

/**
 * The label each box shows in the burned-in copy, laid out exactly as render-frames.ts draws them (the
 * boxes of each frame in their order, on the image's size), so the presentation state shows the same
 * texts in the same places and leaves out those the copy had no room for. None without --labels.
 */
function shownLabels(
  image: { rows: number; columns: number },
  boxes: readonly FrameBox[],
  labels: boolean,
): (ShownLabel | undefined)[] {
  const shown: (ShownLabel | undefined)[] = boxes.map(() => undefined);
  if (!labels) return shown;
  const byFrame = new Map<number, number[]>();
  // Only what the copy burns: a rejected finding is neither drawn nor laid out.
  boxes.forEach((b, i) => {
    if (isShown(b.box)) byFrame.set(b.frame, [...(byFrame.get(b.frame) ?? []), i]);
  });
  for (const indices of byFrame.values()) {
    const layout = layoutLabels(
      image,
      indices.map((i) => (boxes[i] as FrameBox).box),
    );
    for (const { box, text, x, y, width, height } of layout.placed)
      shown[indices[box] as number] = { text, x, y, width, height };
  }
  return shown;
}

/**
 * The finding's own corners: a box's, or a mask region's bounds. A burned mask's corners bound the
 * outline drawn around the region (match.ts widens them by its thickness, for the label layout); the
 * twins must not report that outline as the finding.
 */
function findingCorners(box: BurnBox): Pick<TwinFinding, 'x1' | 'y1' | 'x2' | 'y2'> {
  const { region } = box;
  if (region === undefined) return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  return {
    x1: region.x,
    y1: region.y,
    x2: region.x + region.width - 1,
    y2: region.y + region.height - 1,
  };
}

/** A drawn box as a twin finding: masks keep their outlines along the region's pixel edges. */
function twinFinding({ frame, box }: FrameBox, shownLabel: ShownLabel | undefined): TwinFinding {
  return {
    frame,
    ...findingCorners(box),
    color: box.color,
    ...(box.label !== undefined ? { label: box.label } : {}),
    ...(box.score !== undefined ? { score: box.score } : {}),
    ...(box.region ? { outlines: maskOutlines(box.region), region: box.region } : {}),
    ...(box.id !== undefined ? { id: box.id } : {}),
    ...(box.review !== undefined ? { review: box.review } : {}),
    ...(box.finder !== undefined ? { finder: box.finder } : {}),
    ...(shownLabel ? { shownLabel } : {}),
  };
}

/**
 * The source's Frame of Reference and Image Plane, when it gives all of them (a single-frame image: the
 * plane of each frame of a multi-frame image is in its functional groups, which the header does not carry).
 */
function twinPlane(image: DicomImage): TwinPlane | undefined {
  const { header } = image;
  const frameOfReferenceUid = image.getString('00200052');
  const position = header.imagePositionPatient;
  const orientation = header.imageOrientationPatient;
  const pixelSpacing = header.pixelSpacing;
  if (header.pixel.numberOfFrames !== 1 || frameOfReferenceUid === undefined || frameOfReferenceUid === '')
    return undefined;
  if (position?.length !== 3 || orientation?.length !== 6 || pixelSpacing?.length !== 2) return undefined;
  return {
    frameOfReferenceUid,
    position,
    orientation,
    pixelSpacing,
    ...(header.sliceThickness !== undefined && header.sliceThickness > 0
      ? { sliceThickness: header.sliceThickness }
      : {}),
  };
}

export interface TwinImageInput {
  image: DicomImage;
  outputFolder: string;
  window: WindowSpec;
  /** the VOI applied to the first frame (the window every frame shares unless it came from min-max) */
  voi: ResolvedVoi;
  /** every finding of the image, rejected ones too (the presentation state leaves those out) */
  boxes: readonly FrameBox[];
  /** whether labels are burned in (--labels) */
  labels: boolean;
  settingsKey: string;
  seriesKey: string;
  /** the burned-in copy written from this image (what a key object selection lists) */
  copy: TwinCopy;
  version?: SeriesVersion;
}

/** What the twin writers need of one converted image (plain data, sent back from the worker). */
export function twinImage(input: TwinImageInput): TwinImage {
  const { header } = input.image;
  const copied = copySourceAttributes(input.image);
  const window = twinWindow(input.voi, input.window);
  const described = describedAs(input.image);
  const plane = twinPlane(input.image);
  const rescale = header.modalityTransform.kind === 'rescale' ? header.modalityTransform : undefined;
  const shown = shownLabels(
    { rows: header.pixel.rows, columns: header.pixel.columns },
    input.boxes,
    input.labels,
  );
  return {
    sopClassUid: header.sopClassUid,
    sopInstanceUid: header.sopInstanceUid,
    seriesInstanceUid: header.seriesInstanceUid,
    studyInstanceUid: header.studyInstanceUid,
    outputFolder: input.outputFolder,
    rows: header.pixel.rows,
    columns: header.pixel.columns,
    frames: header.pixel.numberOfFrames,
    photometric: header.pixel.photometric,
    modality: header.modality ?? 'OT',
    ...(header.seriesNumber !== undefined ? { seriesNumber: header.seriesNumber } : {}),
    ...(described !== undefined ? { seriesDescription: described } : {}),
    ...(header.instanceNumber !== undefined ? { instanceNumber: header.instanceNumber } : {}),
    ...(rescale ? { rescale: { slope: rescale.slope, intercept: rescale.intercept } } : {}),
    ...(window ? { window } : {}),
    ...(header.pixelSpacing ? { pixelSpacing: header.pixelSpacing } : {}),
    ...(plane ? { plane } : {}),
    patientStudy: copied.elements.filter((e) => PATIENT_STUDY_TAGS.has(e.tag)),
    generalSeries: copied.elements.filter((e) => GENERAL_SERIES_TAGS.has(e.tag)),
    ...(copied.characterSet !== undefined ? { characterSet: copied.characterSet } : {}),
    findings: input.boxes.map((box, i) => twinFinding(box, shown[i])),
    settingsKey: input.settingsKey,
    seriesKey: input.seriesKey,
    copy: input.copy,
    ...(input.version ? { version: input.version } : {}),
  };
}
