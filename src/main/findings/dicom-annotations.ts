import { placeReadGraphics } from '../../shared/findings/annotations/place-graphics';
import type { AnnotationKind } from '../../shared/findings/annotations/read-annotations';
import { annotationKind, readDicomAnnotations } from '../../shared/findings/annotations/read-annotations';
import type { ImageCatalog } from '../../shared/findings/catalog';
import type { PlaneImage } from '../../shared/findings/annotations/volume-graphic';
import { stringValue } from '../dicom/dataset-values';
import { parseDataset } from '../dicom/parse-dataset';
import { sopClassInfo } from '../dicom/sop-classes';
import type { FindingImporter, FindingSource } from './importer';
import { refused } from './importer';
import { readFindingFile } from './finding-file';

/** SEG has its own importer (src/main/findings/dicom-seg.ts). */
const SEGMENTATION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.66.4';

/** The SOP Class UID of a source that is DICOM (from its first bytes), else undefined. */
export function headSopClass(source: FindingSource): string | undefined {
  if (source.isDirectory || source.head.length < 8) return undefined;
  const parsed = parseDataset(source.head, { untilPixelData: true });
  if (!('dataSet' in parsed)) return undefined;
  return stringValue(parsed.dataSet, '00080016') ?? stringValue(parsed.dataSet, '00020002') ?? '';
}

/** The catalogue's single-frame images with their planes and their series' slice spacing, for SCOORD3D. */
function planeImages(catalog: ImageCatalog): PlaneImage[] {
  return catalog.series.flatMap((series) => {
    const spacing = series.grid && series.grid.slices.length > 1 ? series.grid.sliceSpacing : undefined;
    return series.images.map((image) => {
      const entry: PlaneImage = { sopInstanceUid: image.sopInstanceUid, name: image.relativePath };
      if (image.frameOfReferenceUid !== undefined) entry.frameOfReferenceUid = image.frameOfReferenceUid;
      if (image.plane !== undefined) entry.plane = image.plane;
      if (spacing !== undefined) entry.sliceSpacing = spacing;
      return entry;
    });
  });
}

const className = (uid: string): string => sopClassInfo(uid)?.name ?? '';

/**
 * A Structured Report or presentation state given as findings: its graphics read (src/shared/findings/sr,
 * gsps) and placed on the input images they reference, as the bounding box of each graphic.
 */
export function dicomAnnotationImporter(kind: AnnotationKind): FindingImporter {
  return {
    format: kind,
    recognises: (source) => annotationKind(headSopClass(source)) === kind,
    async read(source, context) {
      const parsed = parseDataset(await readFindingFile(source.path, 'dicom'), { untilPixelData: false });
      if (!('dataSet' in parsed)) return refused(kind, `${source.name}: ${parsed.reason}`);
      const read = readDicomAnnotations(parsed.dataSet, source.name, className);
      if (!read.ok) return refused(kind, read.reason);
      const catalog = await context.catalog();
      const placed = placeReadGraphics(
        read,
        (sop) => {
          const image = catalog.bySop.get(sop);
          return image && { ...image, name: image.relativePath };
        },
        planeImages(catalog),
      );
      const notes = read.notes.map(
        (note) =>
          `${note}; ${placed.findings.length} box(es) placed, ${placed.problems.length} graphic(s) not placed`,
      );
      return {
        format: kind,
        findings: placed.findings,
        problems: placed.problems,
        notes,
      };
    },
  };
}

/**
 * Any other DICOM object given as --boxes (a CT slice, an RT structure set, ...): refused with what it is,
 * rather than read as a box table and reported line by line.
 */
export const otherDicomImporter: FindingImporter = {
  format: 'dicom-other',
  recognises(source) {
    const sopClass = headSopClass(source);
    return (
      sopClass !== undefined && sopClass !== SEGMENTATION_SOP_CLASS && annotationKind(sopClass) === undefined
    );
  },
  async read(source) {
    const parsed = parseDataset(source.head, { untilPixelData: true });
    const reason =
      'dataSet' in parsed
        ? readDicomAnnotations(parsed.dataSet, source.name, className)
        : { ok: false as const, reason: `${source.name}: ${parsed.reason}` };
    return refused('dicom-other', reason.ok ? `${source.name}: not findings` : reason.reason);
  },
};
