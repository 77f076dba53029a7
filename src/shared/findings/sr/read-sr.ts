import type { DataSet } from 'dicom-parser';
import {
  numberValues,
  sequenceItems,
  floatValues,
  stringValue,
  textDecoding,
  type TextDecoding,
} from '../../dicom/dataset-values';
import type { AnnotationGraphic, ImageReference, ReadGraphics } from '../annotations/graphic';
import type { VolumeGraphic } from '../annotations/volume-graphic';
import { isReviewState, type ReviewState } from '../../review/review-state';
import type { Finder } from '../../boxes/model';
import { FOUND_BY_CONCEPT, isConcept, REVIEW_STATE_CONCEPT } from './report-concepts';

/** A coded concept (PS3.3 Table 8.8-1): value, scheme and meaning. */
interface Code {
  value: string;
  scheme: string;
  meaning: string;
}

/** Concepts of TID 1500 / TID 1501 / TID 1410 this reader looks for (PS3.16, DCM codes from PS3.16 D). */
const MEASUREMENT_REPORT = '126000';
const MEASUREMENT_GROUP = '125007';
const TRACKING_IDENTIFIER = '112039';
const FINDING = '121071';

const CONTENT_SEQUENCE = '0040a730';
const CONCEPT_NAME = '0040a043';

function code(ds: DataSet, sequence: string, utf8: TextDecoding): Code | undefined {
  const item = sequenceItems(ds, sequence)[0];
  if (!item) return undefined;
  return {
    value: stringValue(item, '00080100') ?? stringValue(item, '00080119') ?? '',
    scheme: stringValue(item, '00080102') ?? '',
    meaning: stringValue(item, '00080104', utf8) ?? '',
  };
}

function isDcm(concept: Code | undefined, value: string): boolean {
  return concept?.value === value && concept.scheme === 'DCM';
}

function valueType(ds: DataSet): string {
  return stringValue(ds, '0040a040') ?? '';
}

/** A number of a NUM item (Measured Value Sequence > Numeric Value). */
function numericValue(ds: DataSet): number | undefined {
  const measured = sequenceItems(ds, '0040a300')[0];
  return measured ? numberValues(measured, '0040a30a')?.[0] : undefined;
}

/** What a Measurement Group (TID 1501/1410/1411) says about its graphics: the label and score. */
interface Group {
  label?: string;
  score?: number;
  id?: string;
  review?: ReviewState;
  finder?: Finder;
}

/**
 * The label of a measurement group: its Finding (a coded concept; OHIF puts the user's label in its
 * meaning), else its Tracking Identifier. The score: a NUM child in 0..1 whose concept names a score,
 * probability or confidence (TID 1500 has no concept of its own for a detector's confidence).
 */
function readGroup(group: DataSet, utf8: TextDecoding): Group {
  const result: Group = {};
  let trackingId: string | undefined;
  for (const child of sequenceItems(group, CONTENT_SEQUENCE)) {
    const concept = code(child, CONCEPT_NAME, utf8);
    const type = valueType(child);
    if (type === 'CODE' && isDcm(concept, FINDING)) {
      const finding = code(child, '0040a168', utf8)?.meaning;
      if (finding) result.label = finding;
    } else if (type === 'TEXT' && isDcm(concept, TRACKING_IDENTIFIER)) {
      trackingId = stringValue(child, '0040a160', utf8);
      if (trackingId !== undefined) result.id = trackingId;
    } else if (type === 'TEXT' && isConcept(concept, REVIEW_STATE_CONCEPT)) {
      const state = stringValue(child, '0040a160', utf8)?.trim().toLowerCase() ?? '';
      if (isReviewState(state) && state !== 'unreviewed') result.review = state;
    } else if (type === 'TEXT' && isConcept(concept, FOUND_BY_CONCEPT)) {
      if (stringValue(child, '0040a160', utf8)?.trim().toLowerCase() === 'reader') result.finder = 'reader';
    } else if (type === 'NUM' && /score|probability|confidence|likelihood/i.test(concept?.meaning ?? '')) {
      const value = numericValue(child);
      if (value !== undefined && value >= 0 && value <= 1) result.score = value;
    }
  }
  if (result.label === undefined && trackingId !== undefined) result.label = trackingId;
  return result;
}

/** The images an SCOORD is SELECTED FROM (its IMAGE children, PS3.3 C.18.3 Image Reference Macro). */
function imageReferences(scoord: DataSet): ImageReference[] | string {
  const references: ImageReference[] = [];
  let byReference = false;
  for (const child of sequenceItems(scoord, CONTENT_SEQUENCE)) {
    if (child.elements.x0040db73) byReference = true;
    if (valueType(child) !== 'IMAGE') continue;
    for (const sop of sequenceItems(child, '00081199')) {
      const uid = stringValue(sop, '00081155');
      if (!uid) continue;
      const frames = numberValues(sop, '00081160');
      references.push(
        frames && frames.length > 0 ? { sopInstanceUid: uid, frames } : { sopInstanceUid: uid },
      );
    }
  }
  if (references.length === 0)
    return byReference
      ? 'its image is given by reference to another content item, which DICOM Ink does not follow'
      : 'it names no image (no IMAGE content item it is SELECTED FROM)';
  return references;
}

/**
 * The SCOORD graphics of a Structured Report, in document order, each with the images (and frames) it is
 * selected from and the label of its measurement group. Written for TID 1500 Measurement Reports (OHIF,
 * highdicom, dcmjs), whose Planar ROI groups hold an Image Region or a measurement inferred from an
 * SCOORD; any other SR's SCOORDs are read the same way. SCOORD3D (patient coordinates) are returned apart,
 * for the caller to place through the images' planes.
 */
export function readStructuredReport(root: DataSet, name: string): ReadGraphics {
  const utf8 = textDecoding(root);
  const result: ReadGraphics = { graphics: [], problems: [], notes: [] };
  let index = 0;
  let groups = 0;
  const walk = (items: DataSet[], group: Group | undefined, measurement: string | undefined): void => {
    for (const item of items) {
      const type = valueType(item);
      const concept = code(item, CONCEPT_NAME, utf8);
      let inner = group;
      if (type === 'CONTAINER' && isDcm(concept, MEASUREMENT_GROUP)) {
        inner = readGroup(item, utf8);
        groups++;
      }
      if (type === 'SCOORD' || type === 'SCOORD3D') {
        index++;
        const origin = `${name} graphic ${index}`;
        const graphicType = stringValue(item, '00700023') ?? '';
        if (type === 'SCOORD3D') {
          const volume: VolumeGraphic = {
            index,
            origin,
            type: graphicType,
            points: floatValues(item, '00700022'),
          };
          const frameOfReference = stringValue(item, '30060024');
          if (frameOfReference) volume.frameOfReferenceUid = frameOfReference;
          const label = inner?.label ?? measurement;
          if (label !== undefined) volume.label = label;
          if (inner?.score !== undefined) volume.score = inner.score;
          (result.volumeGraphics ??= []).push(volume);
        } else {
          const references = imageReferences(item);
          if (typeof references === 'string') result.problems.push({ index, origin, reason: references });
          else {
            const graphic: AnnotationGraphic = {
              index,
              origin,
              type: graphicType,
              units: 'PIXEL',
              points: floatValues(item, '00700022'),
              references,
            };
            const label = inner?.label ?? measurement;
            if (label !== undefined) graphic.label = label;
            if (inner?.score !== undefined) graphic.score = inner.score;
            if (inner?.id !== undefined) graphic.id = inner.id;
            if (inner?.review !== undefined) graphic.review = inner.review;
            if (inner?.finder !== undefined) graphic.finder = inner.finder;
            result.graphics.push(graphic);
          }
        }
      }
      const next = type === 'NUM' && concept?.meaning ? concept.meaning : measurement;
      walk(sequenceItems(item, CONTENT_SEQUENCE), inner, next);
    }
  };
  walk(sequenceItems(root, CONTENT_SEQUENCE), undefined, undefined);
  const template = sequenceItems(root, '0040a504')[0];
  const tid1500 =
    isDcm(code(root, CONCEPT_NAME, utf8), MEASUREMENT_REPORT) ||
    (template !== undefined && stringValue(template, '0040db00') === '1500');
  result.notes.push(
    `${name}: ${tid1500 ? 'TID 1500 Measurement Report' : 'Structured Report (not TID 1500)'}, ${index} graphic(s) in ${groups} measurement group(s)`,
  );
  return result;
}
