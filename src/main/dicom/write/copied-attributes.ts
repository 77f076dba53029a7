import type { TextVr } from './vr';

export interface CopiedAttribute {
  tag: number;
  /** the VR to write: the source may be Implicit VR, so it comes from this table, not the file */
  vr: TextVr;
  keyword: string;
  /** Type 2 (PS3.5 7.4.3): written empty when the source lacks it */
  type2?: true;
}

function a(tag: number, vr: TextVr, keyword: string, type2?: true): CopiedAttribute {
  return type2 ? { tag, vr, keyword, type2 } : { tag, vr, keyword };
}

/**
 * The ONLY source attributes an output carries (everything else is written by the builder). An
 * allow-list, so that nothing describing the old pixels can leak: no Window Center/Width, VOI or
 * Modality LUT, Rescale, Smallest/Largest Pixel Value, palette, Icon Image Sequence, overlays (60xx),
 * private tags. Only text attributes: DicomImage exposes text values.
 */
export const COPIED_ATTRIBUTES: readonly CopiedAttribute[] = [
  // Patient Module (PS3.3 C.7.1.1)
  a(0x00100010, 'PN', 'PatientName', true),
  a(0x00100020, 'LO', 'PatientID', true),
  a(0x00100021, 'LO', 'IssuerOfPatientID'),
  a(0x00100030, 'DA', 'PatientBirthDate', true),
  a(0x00100032, 'TM', 'PatientBirthTime'),
  a(0x00100040, 'CS', 'PatientSex', true),
  a(0x00101001, 'PN', 'OtherPatientNames'),
  a(0x00104000, 'LT', 'PatientComments'),
  a(0x00120062, 'CS', 'PatientIdentityRemoved'),
  a(0x00120063, 'LO', 'DeidentificationMethod'),
  // General Study Module (PS3.3 C.7.2.1): same study, so the result files next to its source
  a(0x0020000d, 'UI', 'StudyInstanceUID'),
  a(0x00080020, 'DA', 'StudyDate', true),
  a(0x00080030, 'TM', 'StudyTime', true),
  a(0x00080090, 'PN', 'ReferringPhysicianName', true),
  a(0x00200010, 'SH', 'StudyID', true),
  a(0x00080050, 'SH', 'AccessionNumber', true),
  a(0x00081030, 'LO', 'StudyDescription'),
  a(0x00081048, 'PN', 'PhysiciansOfRecord'),
  a(0x00081060, 'PN', 'NameOfPhysiciansReadingStudy'),
  // Patient Study Module (PS3.3 C.7.2.2)
  a(0x00101010, 'AS', 'PatientAge'),
  a(0x00101020, 'DS', 'PatientSize'),
  a(0x00101030, 'DS', 'PatientWeight'),
  a(0x001021b0, 'LT', 'AdditionalPatientHistory'),
  // General Series Module (PS3.3 C.7.3.1), attributes that still hold for the derived series
  a(0x00200060, 'CS', 'Laterality'),
  a(0x00180015, 'CS', 'BodyPartExamined'),
  a(0x00185100, 'CS', 'PatientPosition'),
  // General Image Module (PS3.3 C.7.6.1)
  a(0x00200020, 'CS', 'PatientOrientation', true),
  // PS3.3 C.7.6.1.1.5: once lossy compressed, a derived image must still say so.
  a(0x00282110, 'CS', 'LossyImageCompression'),
  a(0x00282112, 'DS', 'LossyImageCompressionRatio'),
  a(0x00282114, 'CS', 'LossyImageCompressionMethod'),
  // SOP Common Module (PS3.3 C.12.1)
  a(0x00080201, 'SH', 'TimezoneOffsetFromUTC'),
  // Frame of Reference and Image Plane (PS3.3 C.7.4.1, C.7.6.2): not in the SC IODs, kept as
  // Standard Extended attributes (PS3.4 B.1.3) so viewers can still stack, link and measure.
  a(0x00200052, 'UI', 'FrameOfReferenceUID'),
  a(0x00201040, 'LO', 'PositionReferenceIndicator'),
  a(0x00280030, 'DS', 'PixelSpacing'),
  a(0x00200032, 'DS', 'ImagePositionPatient'),
  a(0x00200037, 'DS', 'ImageOrientationPatient'),
  a(0x00180050, 'DS', 'SliceThickness'),
  a(0x00180088, 'DS', 'SpacingBetweenSlices'),
  a(0x00201041, 'DS', 'SliceLocation'),
];
