import type { DataSet } from 'dicom-parser';
import { UNNAMED_ALGORITHM, type AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import type { BoxParseError, BoxRecord, Rgb } from '../../shared/boxes/model';
import { dicomLabToRgb } from '../../shared/findings/cielab';
import { labelRegion, regionComponents } from '../../shared/findings/label-slice';
import { labelStyles } from '../../shared/findings/mask-labels';
import type { LabelStyle } from '../../shared/findings/mask-labels';
import {
  numberValue,
  sequenceItems,
  stringValue,
  textDecoding,
  uint16Value,
  type TextDecoding,
} from '../dicom/dataset-values';
import { parseDataset } from '../dicom/parse-dataset';
import type { FindingImporter, ImportOptions, ImportedFindings } from './importer';
import { refused } from './importer';
import { reviewOfSegment, SEGMENTATION_CONTENT_DESCRIPTION } from '../twin/segmentation';
import { segExtent } from './seg-extent';
import { framePlace, readFrames, type FramePlace } from './seg-frames';
import { readFindingFile } from './finding-file';

/** Segmentation Storage (PS3.4 B.5). */
const SEGMENTATION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.66.4';
const EXPLICIT_LITTLE = ['1.2.840.10008.1.2.1', '1.2.840.10008.1.2'];

/** Frame n's pixels as 0/1: BINARY is 1 bit per pixel packed across frames; FRACTIONAL is 8-bit, in at >= half the maximum. */
function frameBits(
  pixels: Uint8Array,
  n: number,
  size: number,
  fractional: boolean,
  maximum: number,
): Uint8Array {
  const bits = new Uint8Array(size);
  if (fractional) {
    const base = n * size;
    for (let i = 0; i < size; i++) bits[i] = (pixels[base + i] ?? 0) * 2 >= maximum ? 1 : 0;
    return bits;
  }
  const start = n * size;
  for (let i = 0; i < size; i++) {
    const bit = start + i;
    bits[i] = ((pixels[bit >> 3] ?? 0) >> (bit & 7)) & 1;
  }
  return bits;
}

/** What a segment says of itself: its label, colour, whether a person drew it (MANUAL) and by what algorithm. */
interface SegmentEntry {
  name?: string;
  color?: Rgb;
  /** Segment Algorithm Type (0062,0008) is MANUAL */
  manual: boolean;
  /** Segment Algorithm Name (0062,0009) */
  algorithm?: string;
  /** Segment Description (0062,0006): in DICOM Ink's own, the reader's verdict on its findings */
  description?: string;
}

/** The segments' numbers, labels and algorithm names (in the data set's character set), colours and algorithm types. */
function segmentTable(ds: DataSet, text: TextDecoding): Map<number, SegmentEntry> {
  const table = new Map<number, SegmentEntry>();
  for (const item of sequenceItems(ds, '00620002')) {
    const number = uint16Value(item, '00620004');
    if (number === undefined) continue;
    const entry: SegmentEntry = { manual: stringValue(item, '00620008') === 'MANUAL' };
    const name = stringValue(item, '00620005', text);
    if (name) entry.name = name;
    const algorithm = stringValue(item, '00620009', text);
    if (algorithm) entry.algorithm = algorithm;
    const description = stringValue(item, '00620006', text);
    if (description) entry.description = description;
    const lab = item.elements.x0062000d;
    if (lab && lab.length >= 6)
      entry.color = dicomLabToRgb([0, 1, 2].map((i) => item.uint16('x0062000d', i) ?? 0));
    table.set(number, entry);
  }
  return table;
}

/**
 * The first algorithm segment's Segment Algorithm Name: a MANUAL segment names none, and
 * UNNAMED_ALGORITHM (what DICOM Ink writes when a run named none) is no name.
 */
function segAlgorithm(table: ReadonlyMap<number, SegmentEntry>): Partial<AlgorithmIdentity> | undefined {
  for (const segment of table.values()) {
    const name = segment.algorithm;
    if (!segment.manual && name !== undefined && name !== UNNAMED_ALGORITHM) return { name };
  }
  return undefined;
}

function findings(
  bits: Uint8Array,
  { image, frame }: FramePlace,
  style: LabelStyle,
  reader: boolean,
  review: 'accepted' | 'edited' | undefined,
  options: ImportOptions,
  where: string,
): BoxRecord[] {
  const slice = {
    columns: image.columns,
    rows: image.rows,
    labels: Int32Array.from(bits, (b) => b * style.value),
  };
  const region = labelRegion(slice, style.value);
  if (!region) return [];
  const common = {
    target: { kind: 'sop' as const, sopInstanceUid: image.sopInstanceUid },
    frame,
    label: style.name,
    color: style.color,
    ...(reader ? { finder: 'reader' as const } : {}),
    ...(review === undefined ? {} : { review }),
  };
  if (options.maskStyle === 'outline') {
    const bounds = {
      x1: region.x,
      y1: region.y,
      x2: region.x + region.width - 1,
      y2: region.y + region.height - 1,
    };
    return [{ ...common, ...bounds, region, origin: where }];
  }
  return regionComponents(region).map((box, i) => ({ ...common, ...box, origin: `${where} #${i + 1}` }));
}

/**
 * DICOM Segmentation (PS3.3 A.51): BINARY and FRACTIONAL segments, each frame placed on its source image
 * (per-frame ReferencedSOPInstanceUID) or, when absent, on the slice at its plane position. Segment
 * labels and recommended display colours name and colour the outlines unless --mask-labels says otherwise.
 */
export const dicomSegImporter: FindingImporter = {
  format: 'dicom-seg',
  recognises: (source) =>
    !source.isDirectory && Buffer.from(source.head).includes(SEGMENTATION_SOP_CLASS, 0, 'latin1'),
  async read(source, context) {
    const parsed = parseDataset(await readFindingFile(source.path, 'dicom'), { untilPixelData: false });
    if (!('dataSet' in parsed)) return refused('dicom-seg', `${source.name}: ${parsed.reason}`);
    const ds = parsed.dataSet;
    if (stringValue(ds, '00080016') !== SEGMENTATION_SOP_CLASS)
      return refused('dicom-seg', `${source.name}: not a DICOM Segmentation`);
    if (!EXPLICIT_LITTLE.includes(parsed.transferSyntaxUid))
      return refused(
        'dicom-seg',
        `${source.name}: compressed segmentations (${parsed.transferSyntaxUid}) are not read yet; store it uncompressed`,
      );
    const type = stringValue(ds, '00620001') ?? 'BINARY';
    const extent = segExtent(ds, type);
    if (typeof extent === 'string') return refused('dicom-seg', `${source.name}: ${extent}`);
    const { rows, columns, frames: count, fractional, pixels } = extent;
    const maximum = numberValue(ds, '0062000e') ?? 255;
    const catalog = await context.catalog();
    const text = textDecoding(ds);
    const table = segmentTable(ds, text);
    const styles = labelStyles(
      [...table.keys()].sort((a, b) => a - b),
      context.options.maskLabels,
      table,
    );
    // MANUAL means the reader's boxes only in DICOM Ink's own segmentations (segmentation.ts writes it so);
    // another tool's MANUAL segment stays the algorithm's: an AI finding must never lose its AI notice.
    // Likewise only our own segment descriptions are read as the reader's verdicts.
    const ours = stringValue(ds, '00700081', text) === SEGMENTATION_CONTENT_DESCRIPTION;
    const readers = new Set([...table].filter(([, s]) => s.manual && ours).map(([n]) => n));
    const result: ImportedFindings = { format: 'dicom-seg', findings: [], problems: [], notes: [] };
    const algorithm = segAlgorithm(table);
    if (algorithm !== undefined) result.algorithm = algorithm;
    const problems: BoxParseError[] = [];
    let placed = 0;
    readFrames(ds, count).forEach((frame, n) => {
      const origin = `${source.name} frame ${n + 1}`;
      const place = framePlace(frame, catalog, rows, columns);
      if (typeof place === 'string') {
        problems.push({ origin, reason: `segment ${frame.segment}: ${place}` });
        return;
      }
      placed++;
      const style = styles.find((s) => s.value === frame.segment);
      if (!style) return;
      const bits = frameBits(pixels, n, rows * columns, fractional, maximum);
      result.findings.push(
        ...findings(
          bits,
          place,
          style,
          readers.has(frame.segment),
          ours ? reviewOfSegment(table.get(frame.segment)?.description) : undefined,
          context.options,
          `${origin} (segment ${frame.segment}) on ${place.image.relativePath}${place.image.frames > 1 ? ` frame ${place.frame}` : ''}`,
        ),
      );
    });
    if (placed === 0) {
      const first = problems[0];
      return refused(
        'dicom-seg',
        `${source.name} fits no opened series, so nothing is drawn from it: ${first ? `${first.origin}: ${first.reason}` : 'it has no frames'}`,
      );
    }
    for (const problem of problems) result.problems.push(problem);
    result.notes.push(
      `${source.name}: ${type} segmentation, ${placed} of ${count} frames placed (${result.findings.length} ${context.options.maskStyle === 'box' ? 'boxes' : 'outlines'}; segments ${styles.map((s) => `${s.value}=${s.name}${readers.has(s.value) ? " (MANUAL: the reader's)" : ''}`).join(', ')})`,
    );
    const manual = [...table].filter(([n, s]) => s.manual && !readers.has(n)).map(([n]) => n);
    if (manual.length > 0)
      result.notes.push(
        `${source.name}: segment${manual.length > 1 ? 's' : ''} ${manual.join(', ')} say${manual.length > 1 ? '' : 's'} MANUAL, but only DICOM Ink's own segmentations are known to mean the reader's findings by it, so their findings stay the algorithm's (with the AI notice)`,
      );
    return result;
  },
};
