import { IMPLEMENTATION_CLASS_UID } from '../dicom/write/implementation';
import type { DicomImage } from '../dicom/types';
import { DERIVATION_PREFIX } from './settings-key';

/**
 * True for an image DICOM Ink wrote: our ImplementationClassUID (0002,0012) in the File Meta and our
 * words in Derivation Description (0008,2111). Both, so that another tool which merely copies our File
 * Meta, or a file someone re-saved elsewhere, is not mistaken for one of ours.
 */
export function isOwnOutput(image: Pick<DicomImage, 'getString'>): boolean {
  return (
    image.getString('00020012') === IMPLEMENTATION_CLASS_UID &&
    (image.getString('00082111') ?? '').startsWith(DERIVATION_PREFIX)
  );
}

export const ownOutputReason =
  'a DICOM Ink output (its File Meta and Derivation Description say so), not converted again; pass --include-derived to convert it anyway';
