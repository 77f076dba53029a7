import { openDicomFile } from '../dicom/read-dicom';
import type { ReadResult } from '../dicom/types';
import { scratchBuffer, scratchView } from './scratch-buffers';

/**
 * Opens an input for conversion: the header by bounded reads into one buffer reused from file to file
 * (a fresh 64 KiB per 512x512 slice was most of the worker's garbage), each native frame read from the
 * file when it is decoded, into one buffer reused from frame to frame and from file to file (frames
 * borrow it: convertFile renders and writes each frame before it decodes the next, and never modifies
 * them; a fresh 512 KiB per 512x512 slice cost ~130 page faults). The caller closes the image before
 * the next readInput, and nothing of it outlives its convertFile call.
 */
export function readInput(path: string): ReadResult {
  return openDicomFile(path, {
    borrowPixels: true,
    headerBuffer: (bytes) => scratchView('header', bytes),
    frameBuffer: (bytes) => scratchBuffer('frame', bytes),
  });
}
