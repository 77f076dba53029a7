/**
 * A multi-frame phantom (the abdomen of phantom.ts, one frame per depth) written frame by frame, so a
 * file of any size is made in the memory of one frame: for the multi-frame benchmark and tests.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { DataElement } from '../dicom/write/element';
import { textElement } from '../dicom/write/element';
import { SOFTWARE_NAME, SOFTWARE_VERSION } from '../dicom/write/implementation';
import { encodePart10Header } from '../dicom/write/part10';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntaxes';
import { FIELD_OF_VIEW_MM, SCAN_LENGTH_MM, anatomyAt } from './anatomy';
import { ctDataset } from './ct-dataset';
import { seededRandom, smoothNoise } from './noise';
import { phantomUids } from './phantom';
import { paintHu, storedWords } from './render-slice';

/** Multi-frame Grayscale Word Secondary Capture Image Storage (PS3.4 B.5): 16-bit frames. */
export const MULTIFRAME_GRAYSCALE_WORD_SC = '1.2.840.10008.5.1.4.1.1.7.3';

export interface MultiFrameOptions {
  frames: number;
  /** rows = columns */
  size: number;
  seed?: number;
}

/** The frames' stored values (little-endian 16-bit words), one frame at a time. */
export function* phantomFrames(options: MultiFrameOptions): Generator<Uint8Array> {
  const random = seededRandom(options.seed ?? 1);
  for (let index = 0; index < options.frames; index++) {
    const depth = ((index + 0.5) * SCAN_LENGTH_MM) / options.frames;
    yield storedWords(paintHu(anatomyAt(depth), options.size), smoothNoise(options.size, 12, random));
  }
}

/**
 * The data set of the phantom as one image of `frames` frames (every element but Pixel Data): the CT
 * slice's attributes with the SOP Class of a multi-frame grayscale SC and Number of Frames (PS3.3
 * C.7.6.6). With `frames` = 1 and an instance number, it describes one frame as a file of its own.
 */
export function multiFrameDataset(
  options: MultiFrameOptions,
  frames: number,
  instanceNumber = 1,
): DataElement[] {
  const uids = phantomUids({ slices: options.frames, size: options.size, seed: options.seed });
  const elements = ctDataset({
    uids,
    sopInstanceUid: uids.instance(frames === 1 ? instanceNumber : 0),
    instanceNumber,
    size: options.size,
    pixelSpacing: FIELD_OF_VIEW_MM / options.size,
    sliceThickness: SCAN_LENGTH_MM / options.frames,
    sliceLocation: 0,
    pixels: new Uint8Array(0),
    software: `${SOFTWARE_NAME} ${SOFTWARE_VERSION}`,
  }).filter((e) => e.tag !== 0x7fe00010 && e.tag !== 0x00080016);
  elements.push(textElement(0x00080016, 'UI', MULTIFRAME_GRAYSCALE_WORD_SC));
  if (frames > 1) elements.push(textElement(0x00280008, 'IS', String(frames)));
  return elements;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Writes a file of `dataset` whose Pixel Data (OW) is `frames`, written as they come. Returns its size. */
export function writeFramesFile(
  path: string,
  dataset: readonly DataElement[],
  frameBytes: number,
  frameCount: number,
  frames: Iterable<Uint8Array>,
): number {
  const header = encodePart10Header(dataset, EXPLICIT_VR_LITTLE_ENDIAN, {
    vr: 'OW',
    length: frameBytes * frameCount,
  });
  const fd = openSync(path, 'w');
  try {
    writeAll(fd, header);
    let written = 0;
    for (const frame of frames) {
      if (written === frameCount) break;
      writeAll(fd, frame);
      written++;
    }
  } finally {
    closeSync(fd);
  }
  return header.length + frameBytes * frameCount;
}

/** The phantom as one native multi-frame file at `path`; returns its size in bytes. */
export function writeMultiFramePhantom(path: string, options: MultiFrameOptions): number {
  const dataset = multiFrameDataset(options, options.frames);
  return writeFramesFile(
    path,
    dataset,
    options.size * options.size * 2,
    options.frames,
    phantomFrames(options),
  );
}
