/**
 * TID 1500 Measurement Report content (PS3.16) of one study's findings, built with dcmjs's SR templates
 * and content items (its port of highdicom): one Planar ROI measurement group (TID 1410) per finding, with its tracking
 * identifier and UID, finding type, score, the reader's verdict (review-content.ts) and the box as a
 * closed SCOORD POLYLINE on its source image and frame. Pure: returns the root content item as a naturalized data set.
 */
import { LONG_STRING_CHARACTERS, longerThanLongString, toLongString } from '../../shared/dicom/long-string';
import { sr } from 'dcmjs';
import { deriveUid } from '../dicom/uids';
import { boxPolyline } from './finding-text';
import { findingTypeCode, type Code } from './finding-codes';
import type { TwinFinding, TwinImage } from './types';
import {
  foundByItem,
  isVerified,
  readerObserverContext,
  reviewStateItem,
  type Reviewer,
} from './review-content';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { observingDevice } from './observing-device';

const { CodedConcept } = sr.coding;
const { RelationshipTypes } = sr.valueTypes;

function concept(code: Code): InstanceType<typeof CodedConcept> {
  return new CodedConcept({ value: code.value, schemeDesignator: code.scheme, meaning: code.meaning });
}

const DCM = (value: string, meaning: string): Code => ({ value, scheme: 'DCM', meaning });

/**
 * TID 1002 observer context with observer type Device (TID 1004): the algorithm that found the
 * findings when it is known, else DICOM Ink (observing-device.ts). (dcmjs names its only observer
 * slot "person" but takes any ObserverContext; its manufacturer option carries the code of Device
 * Observer Name, so the name, manufacturer and model items are added here with PS3.16's codes.)
 */
function deviceObservation(
  reviewer: Reviewer | undefined,
  verifying: boolean,
  algorithm: AlgorithmIdentity | undefined,
): ObservationContext {
  const observer = observingDevice(algorithm);
  const attributes = new sr.templates.DeviceObserverIdentifyingAttributes({ uid: observer.uid });
  attributes.push(
    ...observer.items.map(
      ({ code, value }) =>
        new sr.valueTypes.TextContentItem({
          name: concept(code),
          value,
          relationshipType: RelationshipTypes.HAS_OBS_CONTEXT,
        }),
    ),
  );
  const device = new sr.templates.ObserverContext({
    observerType: concept(DCM('121007', 'Device')),
    observerIdentifyingAttributes: attributes,
  });
  // The reader, when named, observed the verdicts; the device the findings (TID 1001 lists both).
  if (reviewer === undefined) return new sr.templates.ObservationContext({ observerPersonContext: device });
  return new sr.templates.ObservationContext({
    observerPersonContext: readerObserverContext(reviewer, verifying),
    observerDeviceContext: device,
  });
}

type ObservationContext = InstanceType<typeof sr.templates.ObservationContext>;

/** One finding of one image, numbered in the report. */
export interface ReportedFinding {
  image: TwinImage;
  finding: TwinFinding;
  /** 1-based, in report order */
  number: number;
}

/**
 * Tracking Unique Identifier: the same finding on the same image gives the same UID. A finding with an
 * id (box file `id`) keeps its UID however the reader moves or relabels it.
 */
export function trackingUid(entry: ReportedFinding): string {
  const { image, finding } = entry;
  if (finding.id !== undefined) return deriveUid('dicom-ink:tracking-id', image.sopInstanceUid, finding.id);
  const where = [finding.frame, finding.x1, finding.y1, finding.x2, finding.y2].join(',');
  return deriveUid('dicom-ink:tracking', image.sopInstanceUid, where, finding.label ?? '');
}

/**
 * 'kidney lesion 2': the finding's label and its number in the report, within 64 characters as the box
 * file's own ids are. A longer label is shortened, never the number, so two findings with the same long
 * label keep identifiers apart (cutting the whole text made finding 10 of a 62-character label '... 1').
 */
export function trackingIdentifier(label: string, number: number): string {
  const suffix = ` ${number}`;
  const room = LONG_STRING_CHARACTERS - suffix.length;
  // a cut that ends on a space would leave two before the number
  const head = longerThanLongString(label, room) ? toLongString(label, room).trimEnd() : label;
  return `${head}${suffix}`;
}

/**
 * TID 1410 Planar ROI Measurements and Qualitative Evaluations of one finding. Built from dcmjs's
 * content items rather than its PlanarROIMeasurementsAndQualitativeEvaluations template, which throws
 * on any tracking identifier in dcmjs 0.51 (it calls Array.filter on the TrackingIdentifier, whose
 * species constructor then runs without options).
 */
function measurementGroup(entry: ReportedFinding): object {
  const { image, finding } = entry;
  const sourceImage = new sr.contentItems.SourceImageForRegion({
    referencedSOPClassUID: image.sopClassUid,
    referencedSOPInstanceUID: image.sopInstanceUid,
    ...(image.frames > 1 ? { referencedFrameNumbers: [finding.frame] } : {}),
  });
  const region = new sr.contentItems.ImageRegion({
    graphicType: sr.valueTypes.GraphicTypes.POLYLINE,
    graphicData: boxPolyline(finding),
    pixelOriginInterpretation: sr.valueTypes.PixelOriginInterpretations.FRAME,
    sourceImage,
  });
  const label = finding.label ?? 'finding';
  const tracking = new sr.templates.TrackingIdentifier({
    uid: trackingUid(entry),
    identifier: finding.id ?? trackingIdentifier(label, entry.number),
  });
  const findingType = new sr.valueTypes.CodeContentItem({
    name: concept(DCM('121071', 'Finding')),
    value: concept(findingTypeCode(finding.label)),
    relationshipType: RelationshipTypes.CONTAINS,
  });
  const group = new sr.valueTypes.ContainerContentItem({
    name: concept(DCM('125007', 'Measurement Group')),
    relationshipType: RelationshipTypes.CONTAINS,
    templateID: '1410',
  });
  const content: object[] = [
    ...tracking,
    findingType,
    region,
    reviewStateItem(finding),
    foundByItem(finding),
  ];
  if (finding.score !== undefined) {
    content.push(
      new sr.valueTypes.NumContentItem({
        name: concept({ value: '246262008', scheme: 'SCT', meaning: 'Score' }),
        value: finding.score,
        unit: concept({ value: '1', scheme: 'UCUM', meaning: 'no units' }),
        relationshipType: RelationshipTypes.CONTAINS,
      }),
    );
  }
  (group as { ContentSequence?: object[] }).ContentSequence = content;
  return group;
}

/** TID 1600 Image Library: one group listing every image a finding is on. */
function fillImageLibrary(root: { ContentSequence: object[] }, images: readonly TwinImage[]): void {
  const library = root.ContentSequence.find(
    (item) =>
      (item as { ConceptNameCodeSequence?: { CodeValue?: string }[] }).ConceptNameCodeSequence?.[0]
        ?.CodeValue === '111028',
  ) as { ContentSequence?: object[] } | undefined;
  if (!library) return;
  const group = new sr.valueTypes.ContainerContentItem({
    name: concept(DCM('126200', 'Image Library Group')),
    relationshipType: RelationshipTypes.CONTAINS,
  });
  (group as { ContentSequence?: object[] }).ContentSequence = images.map(
    (image) =>
      new sr.valueTypes.ImageContentItem({
        // PS3.16 TID 1601: the Image Library Entry's concept name is SNOMED CT's, not DICOM's.
        name: concept({ value: '260753009', scheme: 'SCT', meaning: 'Source' }),
        referencedSOPClassUID: image.sopClassUid,
        referencedSOPInstanceUID: image.sopInstanceUid,
        relationshipType: RelationshipTypes.CONTAINS,
      }),
  );
  library.ContentSequence = [group];
}

/** The findings of a study's images in report order: images as given, findings in their order. */
export function reportedFindings(images: readonly TwinImage[]): ReportedFinding[] {
  const entries: ReportedFinding[] = [];
  for (const image of images) {
    for (const finding of image.findings) entries.push({ image, finding, number: entries.length + 1 });
  }
  return entries;
}

/** The root CONTAINER of the report (126000 Imaging Measurement Report, TID 1500), naturalized. */
export function measurementReportContent(
  images: readonly TwinImage[],
  reviewer?: Reviewer,
  algorithm?: AlgorithmIdentity,
): object {
  const findings = reportedFindings(images);
  const groups = findings.map(measurementGroup);
  const report = new sr.templates.MeasurementReport({
    languageOfContentItemAndDescendants: new sr.templates.LanguageOfContentItemAndDescendants({}),
    observationContext: deviceObservation(reviewer, isVerified(images, reviewer), algorithm),
    procedureReported: concept({ value: '363679005', scheme: 'SCT', meaning: 'Imaging procedure' }),
    // dcmjs lays these out as the Imaging Measurements container's content.
    imagingMeasurements: groups as never,
  });
  const root = report[0] as unknown as { ContentSequence: object[] };
  fillImageLibrary(
    root,
    images.filter((i) => i.findings.length > 0),
  );
  return root;
}
