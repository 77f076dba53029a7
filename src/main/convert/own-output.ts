import { IMPLEMENTATION_CLASS_UID } from '../dicom/write/implementation';
import type { DicomImage } from '../dicom/types';
import { SEGMENTATION_CONTENT_DESCRIPTION, SEGMENTATION_STORAGE } from '../twin/segmentation';
import { DERIVATION_PREFIX } from './settings-key';

/**
 * True for an image DICOM Ink wrote: our ImplementationClassUID (0002,0012) in the File Meta and our
 * words in Derivation Description (0008,2111), or for a segmentation twin (an image too, PS3.3 A.51) in
 * its Content Description (0070,0081). Both, so that another tool which merely copies our File Meta, or
 * a file someone re-saved elsewhere, is not mistaken for one of ours.
 */
export function isOwnOutput(image: Pick<DicomImage, 'getString'>): boolean {
  if (image.getString('00020012') !== IMPLEMENTATION_CLASS_UID) return false;
  if ((image.getString('00082111') ?? '').startsWith(DERIVATION_PREFIX)) return true;
  return (
    image.getString('00080016') === SEGMENTATION_STORAGE &&
    image.getString('00700081') === SEGMENTATION_CONTENT_DESCRIPTION
  );
}

export const ownOutputReason =
  'a DICOM Ink output (its File Meta and its Derivation or Content Description say so), not converted again; pass --include-derived to convert it anyway';
