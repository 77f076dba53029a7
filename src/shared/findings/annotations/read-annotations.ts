import type { DataSet } from 'dicom-parser';
import { stringValue } from '../../dicom/dataset-values';
import { readPresentationState } from '../gsps/read-gsps';
import { readStructuredReport } from '../sr/read-sr';
import type { ReadGraphics } from './graphic';

/** SR Storage SOP Classes that can hold SCOORDs: Enhanced, Comprehensive, Comprehensive 3D, Extensible (PS3.4 B.5). */
const SR_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.88.22',
  '1.2.840.10008.5.1.4.1.1.88.33',
  '1.2.840.10008.5.1.4.1.1.88.34',
  '1.2.840.10008.5.1.4.1.1.88.35',
]);

/** Presentation states with the Graphic Annotation Module: Grayscale, Color, Pseudo-Color (PS3.4 B.5). */
const PRESENTATION_STATE_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.11.1',
  '1.2.840.10008.5.1.4.1.1.11.2',
  '1.2.840.10008.5.1.4.1.1.11.3',
]);

export type AnnotationKind = 'dicom-sr' | 'dicom-gsps';

/** Which reader a DICOM object's SOP Class calls for, if any. */
export function annotationKind(sopClassUid: string | undefined): AnnotationKind | undefined {
  if (sopClassUid === undefined) return undefined;
  if (SR_CLASSES.has(sopClassUid)) return 'dicom-sr';
  if (PRESENTATION_STATE_CLASSES.has(sopClassUid)) return 'dicom-gsps';
  return undefined;
}

export type ReadAnnotations =
  ({ ok: true; kind: AnnotationKind } & ReadGraphics) | { ok: false; reason: string };

/**
 * The graphics of a DICOM Structured Report or presentation state, to be placed as boxes; any other DICOM
 * object is refused with its SOP Class, so a CT slice given as a box file says what it is.
 */
export function readDicomAnnotations(
  ds: DataSet,
  name: string,
  className?: (uid: string) => string,
): ReadAnnotations {
  const sopClass = stringValue(ds, '00080016') ?? stringValue(ds, '00020002');
  const kind = annotationKind(sopClass);
  if (kind === 'dicom-sr') return { ok: true, kind, ...readStructuredReport(ds, name) };
  if (kind === 'dicom-gsps') return { ok: true, kind, ...readPresentationState(ds, name) };
  const named = sopClass ? className?.(sopClass) : undefined;
  const what = sopClass ? `${named ? `${named} ` : ''}(SOP Class ${sopClass})` : 'without a SOP Class UID';
  return {
    ok: false,
    reason: `${name} is a DICOM object ${what}, not findings: give a Structured Report (TID 1500), a presentation state (GSPS) or a DICOM SEG, or a box file`,
  };
}
