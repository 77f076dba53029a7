import { existsSync, lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BoxIndex } from '../../shared/boxes/match';
import { boxesForImage } from '../../shared/boxes/match';
import { drawBoxes } from '../../shared/boxes/draw';
import { renderFrame } from '../../shared/pipeline/render';
import { resolveVoi } from '../../shared/pipeline/resolve-voi';
import type { ResolvedVoi } from '../../shared/pipeline/types';
import { codecsReady, initCodecs, needsCodecs } from '../dicom/decode';
import type { DicomImage, ReadResult } from '../dicom/types';
import { buildSecondaryCapture } from '../dicom/write/secondary-capture';
import { verifyWrittenSecondaryCapture } from '../dicom/verify-output';
import type { ConvertInput, ConvertSettings } from './convert-settings';
import type { FileOutcome } from './outcome';
import { messageOf } from './outcome';
import { prepareOutputFolder, realPathOrUndefined } from './output-folder';
import { readInput } from './read-input';
import { scratchBuffer, scratchView } from './scratch-buffers';
import { selectBoxes } from './select-boxes';
import type { FrameBox } from './settings-key';
import { derivationDescription, seriesKey, seriesSuffix, settingsKey } from './settings-key';
import { existsReason, writeAtomically } from './write-output';

export interface ConvertContext {
  settings: ConvertSettings;
  /** real path of the output root: every output's folder must resolve inside it */
  outputRoot: string;
  /** boxes of the whole job, indexed once per worker */
  boxIndex?: BoxIndex;
}

interface Rendered {
  frames: Uint8Array[];
  firstVoi: ResolvedVoi;
}

/** Largest frame converted (2^28 pixels, e.g. 16384 x 16384): its RGB alone is 768 MB. */
const MAX_FRAME_PIXELS = 2 ** 28;
/** Largest output: every RGB frame of a file is held until the file is written. */
const MAX_OUTPUT_BYTES = 2 ** 31;

/** A reason when the header asks for more memory than any real image needs (often a corrupt header). */
function sizeProblem(header: DicomImage['header']): string | undefined {
  const { rows, columns, numberOfFrames } = header.pixel;
  const pixels = rows * columns;
  const bytes = pixels * 3 * numberOfFrames;
  if (pixels <= MAX_FRAME_PIXELS && bytes <= MAX_OUTPUT_BYTES) return undefined;
  const mb = Math.round(bytes / 2 ** 20);
  return `its header describes ${numberOfFrames} frame(s) of ${columns} x ${rows} pixels (${mb} MB as RGB), more than DICOM Ink converts; the header may be corrupt`;
}

/**
 * Reads the input, starting the codecs first when its transfer syntax needs them (once per thread, on
 * the first compressed file). The file is read again after that wait because the read buffer is per
 * thread, and another conversion in this thread may have used it meanwhile.
 */
async function readForConversion(path: string): Promise<ReadResult> {
  const read = readInput(path);
  if (!read.ok || codecsReady() || !needsCodecs(read.image.header.transferSyntaxUid)) return read;
  try {
    await initCodecs();
  } catch (error) {
    return { ok: false, kind: 'error', reason: `the image decoders could not start (${messageOf(error)})` };
  }
  return readInput(path);
}

/** Windows every frame and burns its boxes in (PS3.3 C.11: modality, VOI, presentation, then RGB). */
function renderAllFrames(image: DicomImage, context: ConvertContext, boxes: readonly FrameBox[]): Rendered {
  const { header } = image;
  const frames: Uint8Array[] = [];
  let firstVoi: ResolvedVoi = { kind: 'none' };
  for (let index = 0; index < header.pixel.numberOfFrames; index++) {
    const raw = image.decodeFrame(index);
    const voi = resolveVoi(context.settings.window, header, raw);
    if (index === 0) firstVoi = voi;
    const single = header.pixel.numberOfFrames === 1;
    const rgb = renderFrame(
      header,
      raw,
      voi,
      single ? scratchBuffer('rgb', header.pixel.rows * header.pixel.columns * 3) : undefined,
    );
    const frameBoxes = boxes.filter((b) => b.frame === index + 1).map((b) => b.box);
    if (frameBoxes.length > 0) drawBoxes(rgb, frameBoxes, { labels: context.settings.labels });
    frames.push(rgb.data);
  }
  return { frames, firstVoi };
}

/**
 * Why the output may not be written where it is meant to go: it is the input itself (compared by real
 * paths, so a link to the input folder is caught), or a symbolic link (an output is always a regular
 * file of our own; replacing a link would mean writing where someone else pointed).
 */
function unsafeDestination(input: ConvertInput): string | undefined {
  const realInput = realPathOrUndefined(input.path) ?? resolve(input.path);
  const realOutput = realPathOrUndefined(input.outputPath);
  if (resolve(input.outputPath) === resolve(input.path) || realOutput === realInput) {
    return 'the output would replace the input; choose another --out folder';
  }
  try {
    if (lstatSync(input.outputPath).isSymbolicLink()) {
      return 'the output name is taken by a symbolic link, which is never replaced or written through; remove the link or choose another --out folder';
    }
  } catch {
    // no such entry: the usual case
  }
  return undefined;
}

/**
 * Converts one file end to end: read, window and burn in every frame, build the RGB Secondary
 * Capture, verify it, and write it atomically. Never throws: every way it can end is a FileOutcome.
 * The input is only ever read.
 */
export async function convertFile(input: ConvertInput, context: ConvertContext): Promise<FileOutcome> {
  const { settings } = context;
  if (input.refused !== undefined) return { status: 'skipped', input: input.path, reason: input.refused };
  const unsafe = unsafeDestination(input);
  if (unsafe !== undefined) return { status: 'failed', input: input.path, reason: unsafe };
  if (!settings.overwrite && existsSync(input.outputPath)) {
    return { status: 'skipped', input: input.path, reason: existsReason };
  }
  let matchedBoxOrigins: string[] = [];
  try {
    const read = await readForConversion(input.path);
    if (!read.ok) {
      return { status: read.kind === 'error' ? 'failed' : 'skipped', input: input.path, reason: read.reason };
    }
    const { image } = read;
    const { header } = image;
    const tooLarge = sizeProblem(header);
    if (tooLarge) return { status: 'failed', input: input.path, reason: tooLarge };
    const records = context.boxIndex
      ? boxesForImage(context.boxIndex, {
          sopInstanceUid: header.sopInstanceUid,
          seriesInstanceUid: header.seriesInstanceUid,
          instanceNumber: header.instanceNumber,
          relativePath: input.relativePath,
        })
      : [];
    const selection = selectBoxes(records, header.pixel.numberOfFrames, settings);
    matchedBoxOrigins = selection.matchedOrigins;
    const { frames, firstVoi } = renderAllFrames(image, context, selection.boxes);
    const built = buildSecondaryCapture({
      source: image,
      frames,
      settingsKey: settingsKey(settings.window, selection.boxes, settings.labels),
      seriesKey: seriesKey(settings.window, settings.labels),
      derivationDescription: derivationDescription(firstVoi, settings.window, selection.boxes.length),
      seriesDescriptionSuffix: seriesSuffix(settings.window),
      output: (length) => scratchView('encoded', length),
    });
    const { rows, columns } = header.pixel;
    const folder = prepareOutputFolder(dirname(input.outputPath), context.outputRoot);
    if (!folder.ok) return { status: 'failed', input: input.path, reason: folder.reason, matchedBoxOrigins };
    const written = writeAtomically(input.outputPath, built.bytes, {
      overwrite: settings.overwrite,
      verify: settings.verify
        ? (bytes) =>
            verifyWrittenSecondaryCapture(bytes, {
              frames,
              sopInstanceUid: built.sopInstanceUid,
              rows,
              columns,
            })
        : undefined,
    });
    if (!written.ok) {
      return {
        status: written.exists ? 'skipped' : 'failed',
        input: input.path,
        reason: written.reason,
        matchedBoxOrigins,
      };
    }
    return {
      status: 'converted',
      input: input.path,
      output: input.outputPath,
      frames: frames.length,
      boxesDrawn: selection.boxes.length,
      matchedBoxOrigins,
    };
  } catch (error) {
    return {
      status: 'failed',
      input: input.path,
      reason: `could not convert it: ${messageOf(error)}`,
      matchedBoxOrigins,
    };
  }
}
