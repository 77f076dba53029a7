/**
 * What the overlay tells about the slice shown, as PACS viewers do: the patient direction at each edge, where
 * the slice lies (Slice Location, or the position along the normal), its thickness, and the image's own
 * window (the first Window Center/Width of the file). Pure, from the header.
 */
import type { ImageHeader } from '../../../shared/dicom/image-header';
import {
  edgeLetters,
  positionAlongNormal,
  type EdgeLetters,
} from '../../../shared/geometry/patient-direction';

export interface ImageInfo {
  edges?: EdgeLetters;
  /** e.g. "Loc −77.2 mm" or "Pos 12.5 mm" (along the normal, when Slice Location is absent) */
  location?: string;
  /** e.g. "Thk 1.25 mm" */
  thickness?: string;
  /** e.g. "File W 400 L 40" */
  fileWindow?: string;
}

const mm = (value: number): string => `${String(Math.round(value * 100) / 100)} mm`;

export function imageInfo(
  header: Pick<
    ImageHeader,
    'imageOrientationPatient' | 'imagePositionPatient' | 'sliceLocation' | 'sliceThickness' | 'windows'
  >,
): ImageInfo {
  const info: ImageInfo = {};
  const edges = edgeLetters(header.imageOrientationPatient);
  if (edges) info.edges = edges;
  const along = positionAlongNormal(header.imageOrientationPatient, header.imagePositionPatient);
  if (header.sliceLocation !== undefined) info.location = `Loc ${mm(header.sliceLocation)}`;
  else if (along !== undefined) info.location = `Pos ${mm(along)}`;
  if (header.sliceThickness !== undefined && header.sliceThickness > 0)
    info.thickness = `Thk ${mm(header.sliceThickness)}`;
  const [own] = header.windows;
  if (own)
    info.fileWindow = `File W ${Math.round(own.width * 10) / 10} L ${Math.round(own.center * 10) / 10}`;
  return info;
}
