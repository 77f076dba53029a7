import type { DataElement } from '../dicom/write/element';
import { bytesElement, numberElement, textElement } from '../dicom/write/element';
import type { PhantomUids } from './phantom';

export const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

export interface CtSliceInput {
  uids: PhantomUids;
  sopInstanceUid: string;
  instanceNumber: number;
  size: number;
  pixelSpacing: number;
  sliceThickness: number;
  sliceLocation: number;
  /** little-endian 16-bit stored values, size * size words */
  pixels: Uint8Array;
  software: string;
}

/** DS text (PS3.5 6.2: at most 16 characters), without float noise. */
function ds(...values: number[]): string {
  return values.map((v) => String(Number(v.toFixed(4)))).join('\\');
}

/**
 * One slice as a CT Image IOD (PS3.3 A.3): Patient, General Study, General Series, Frame of
 * Reference, General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT and
 * SOP Common modules, with fixed dates so the sample is the same bytes on every run.
 */
export function ctDataset(input: CtSliceInput): DataElement[] {
  const { size, pixelSpacing } = input;
  // Image Position (Patient) is the centre of the first pixel (PS3.3 C.7.6.2.1.1).
  const corner = -(size * pixelSpacing) / 2 + pixelSpacing / 2;
  return [
    textElement(0x00080005, 'CS', 'ISO_IR 100'),
    textElement(0x00080008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
    textElement(0x00080016, 'UI', CT_IMAGE_STORAGE),
    textElement(0x00080018, 'UI', input.sopInstanceUid),
    textElement(0x00080020, 'DA', '20240115'),
    textElement(0x00080021, 'DA', '20240115'),
    textElement(0x00080022, 'DA', '20240115'),
    textElement(0x00080023, 'DA', '20240115'),
    textElement(0x00080030, 'TM', '093000'),
    textElement(0x00080031, 'TM', '093100'),
    textElement(0x00080032, 'TM', '093105'),
    textElement(0x00080033, 'TM', '093105'),
    textElement(0x00080050, 'SH', 'PHANTOM0001'),
    textElement(0x00080060, 'CS', 'CT'),
    textElement(0x00080070, 'LO', 'DICOM Ink phantom'),
    textElement(0x00080090, 'PN', ''),
    textElement(0x00081030, 'LO', 'Abdomen (phantom)'),
    textElement(0x0008103e, 'LO', 'Abdomen CT (phantom)'),
    textElement(0x00081090, 'LO', 'Synthetic abdomen'),
    textElement(0x00100010, 'PN', 'PHANTOM^ABDOMEN'),
    textElement(0x00100020, 'LO', 'PHANTOM-0001'),
    textElement(0x00100030, 'DA', ''),
    textElement(0x00100040, 'CS', 'O'),
    textElement(0x00180015, 'CS', 'ABDOMEN'),
    textElement(0x00180050, 'DS', ds(input.sliceThickness)),
    textElement(0x00180060, 'DS', '120'),
    textElement(0x00180088, 'DS', ds(input.sliceThickness)),
    textElement(0x00181020, 'LO', input.software),
    textElement(0x00181100, 'DS', ds(size * pixelSpacing)),
    textElement(0x00181210, 'SH', 'STANDARD'),
    textElement(0x00185100, 'CS', 'FFS'),
    textElement(0x0020000d, 'UI', input.uids.study),
    textElement(0x0020000e, 'UI', input.uids.series),
    textElement(0x00200010, 'SH', '1'),
    textElement(0x00200011, 'IS', '1'),
    textElement(0x00200012, 'IS', '1'),
    textElement(0x00200013, 'IS', String(input.instanceNumber)),
    textElement(0x00200032, 'DS', ds(corner, corner, input.sliceLocation)),
    textElement(0x00200037, 'DS', '1\\0\\0\\0\\1\\0'),
    textElement(0x00200052, 'UI', input.uids.frameOfReference),
    textElement(0x00201040, 'LO', ''),
    textElement(0x00201041, 'DS', ds(input.sliceLocation)),
    numberElement(0x00280002, 'US', 1),
    textElement(0x00280004, 'CS', 'MONOCHROME2'),
    numberElement(0x00280010, 'US', size),
    numberElement(0x00280011, 'US', size),
    textElement(0x00280030, 'DS', ds(pixelSpacing, pixelSpacing)),
    numberElement(0x00280100, 'US', 16),
    numberElement(0x00280101, 'US', 12),
    numberElement(0x00280102, 'US', 11),
    numberElement(0x00280103, 'US', 0),
    // VOI LUT Module (PS3.3 C.11.2): the abdomen window
    textElement(0x00281050, 'DS', '40'),
    textElement(0x00281051, 'DS', '400'),
    textElement(0x00281055, 'LO', 'ABDOMEN'),
    // CT Image Module (PS3.3 C.8.2.1): stored + (-1024) = HU
    textElement(0x00281052, 'DS', '-1024'),
    textElement(0x00281053, 'DS', '1'),
    textElement(0x00281054, 'LO', 'HU'),
    bytesElement(0x7fe00010, 'OW', input.pixels),
  ];
}
