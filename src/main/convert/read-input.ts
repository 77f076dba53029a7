import { openDicomFile } from '../dicom/read-dicom';
import type { ReadResult } from '../dicom/types';

/**
 * Opens an input for conversion: the header by bounded reads, each frame read from the file when it is
 * decoded, into one buffer reused from frame to frame (frames borrow it: convertFile renders and writes
 * each frame before it decodes the next, and never modifies them). The caller closes the image.
 */
export function readInput(path: string): ReadResult {
  return openDicomFile(path, { borrowPixels: true });
}
