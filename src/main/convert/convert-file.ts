import { lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BoxLookup } from '../../shared/boxes/match';
import { describeSize } from '../dicom/byte-size';
import { codecsReady, initCodecs, needsCodecs } from '../dicom/decode';
import type { DicomImage, ReadResult } from '../dicom/types';
import { recordFrames, verifyWrittenOutput } from '../dicom/verify-output';
import {
  buildSecondaryCaptureHeader,
  MAX_OUTPUT_FRAMES,
  MAX_RGB_PIXEL_BYTES,
} from '../dicom/write/secondary-capture';
import type { ConvertInput, ConvertSettings } from './convert-settings';
import { effectiveWindow } from './effective-window';
import type { FileOutcome } from './outcome';
import { messageOf } from './outcome';
import { prepareOutputFolder, realPathOrUndefined } from './output-folder';
import { readInput } from './read-input';
import { renderOneFrame } from './render-frames';
import { scratchView } from './scratch-buffers';
import { presetWarnings, unplacedLabelWarnings, type ImageWarning } from './image-warnings';
import { isOwnOutput, ownOutputReason } from './own-output';
import { selectBoxes, type BoxSelection } from './select-boxes';
import { derivationDescription, seriesKey, seriesSuffix, settingsKey } from './settings-key';
import { prepareOutput } from './prepare-output';
import { alreadyDoneReason, existingMatches, existsReason, writeAtomically } from './write-output';
import type { OutputSink, WriteResult } from './write-output';
import { twinImage } from '../twin/twin-image';
import { withAlgorithm, withNotice } from './algorithm-key';
import { noticeText } from '../../shared/boxes/notice';
import type { PlacedNotice } from '../../shared/boxes/notice-placement';
import type { ShownNotice, TwinImage } from '../twin/types';

export interface ConvertContext {
  settings: ConvertSettings;
  /** real path of the output root: every output's folder must resolve inside it */
  outputRoot: string;
  /** boxes of the whole job (one shared copy for every worker, packed-boxes.ts) */
  boxes?: BoxLookup;
  /** called after each frame is written (the worker tells the pool the file is still progressing) */
  onFrame?: () => void;
}

/** Largest frame converted (2^28 pixels, e.g. 16384 x 16384): its RGB alone is 768 MB. */
const MAX_FRAME_PIXELS = 2 ** 28;

/**
 * Why a file is too large to convert, or undefined. Frames are streamed, so the limit is not memory but
 * the format: uncompressed RGB Pixel Data has a 32-bit length (PS3.5 7.1.1) and the Page Number Vector
 * a 16-bit one; a frame over 2^28 pixels is taken for a corrupt header.
 */
function sizeProblem(image: DicomImage): string | undefined {
  const { rows, columns, numberOfFrames } = image.header.pixel;
  const pixels = rows * columns;
  const rgbBytes = pixels * 3 * numberOfFrames;
  const what = `the ${describeSize(image.fileSize)} file holds ${numberOfFrames} frame(s) of ${columns} x ${rows} pixels`;
  if (pixels > MAX_FRAME_PIXELS) {
    return `${what}: one frame is more than DICOM Ink converts (${MAX_FRAME_PIXELS} pixels); the header may be corrupt; skipped`;
  }
  if (rgbBytes > MAX_RGB_PIXEL_BYTES) {
    return `${what}, ${describeSize(rgbBytes)} as RGB: uncompressed Pixel Data holds at most ${describeSize(MAX_RGB_PIXEL_BYTES)} (its length field has 32 bits), so it cannot be written as one RGB file; skipped`;
  }
  if (numberOfFrames > MAX_OUTPUT_FRAMES) {
    return `${what}: a Secondary Capture lists at most ${MAX_OUTPUT_FRAMES} frames in its Page Number Vector (a 16-bit length); skipped`;
  }
  return undefined;
}

/**
 * Reads the input's header (its frames stay in the file until decoded), starting the codecs first when
 * its transfer syntax needs them (once per thread, on the first compressed file).
 */
async function readForConversion(path: string): Promise<ReadResult> {
  const read = readInput(path);
  if (!read.ok || codecsReady() || !needsCodecs(read.image.header.transferSyntaxUid)) return read;
  try {
    await initCodecs();
  } catch (error) {
    read.image.close();
    return { ok: false, kind: 'error', reason: `the image decoders could not start (${messageOf(error)})` };
  }
  return read;
}

interface Written {
  result: WriteResult;
  frames: number;
  /** the derived series the output belongs to (its version: series-version.ts) */
  seriesInstanceUid: string;
  /** what the twin writers need (only with --twin) */
  twin?: TwinImage;
}

/**
 * Renders and writes the output frame by frame: frame 1 first (its window names the derivation), then
 * the header, whose Pixel Data length (rows x columns x 3 x frames) is known in advance, then each RGB
 * frame as it is made, into the temporary file renamed at the end. The check parses the header in
 * memory, then reads the file back and compares it with what was written: the header byte for byte,
 * each frame with a running CRC-32 of it (the last one byte for byte), so no frame is held beyond its
 * own turn.
 */
function writeStreamed(
  image: DicomImage,
  input: ConvertInput,
  context: ConvertContext,
  selection: Pick<BoxSelection, 'boxes' | 'findings'>,
  existing: boolean,
): Written {
  const { boxes, findings } = selection;
  const { settings } = context;
  const { header } = image;
  const { rows, columns, numberOfFrames } = header.pixel;
  const window = effectiveWindow(settings, header);
  // Only an image that shows a finding carries the notice; every other image is written as without one.
  const notice =
    settings.notice === undefined || boxes.length === 0
      ? undefined
      : noticeText(
          settings.notice,
          settings.algorithm,
          boxes.map((b) => b.box),
        );
  const options = { window, labels: settings.labels, boxes, ...(notice === undefined ? {} : { notice }) };
  const first = renderOneFrame(image, 0, options);
  const { algorithm, version } = settings;
  const keys = {
    settingsKey: withNotice(
      withAlgorithm(settingsKey(window, findings, settings.labels, version?.key), algorithm),
      notice,
    ),
    // Not the notice: its text differs between images of one series (reviewed or not, none without a
    // finding), and the series stays whole; the notice choice is in the version key.
    seriesKey: withAlgorithm(seriesKey(window, settings.labels, version?.key), algorithm),
  };
  const built = buildSecondaryCaptureHeader(
    {
      source: image,
      ...keys,
      derivationDescription: derivationDescription(first.voi, window, boxes.length),
      seriesDescriptionSuffix: seriesSuffix(window, version),
      ...(algorithm === undefined ? {} : { algorithm }),
      ...(version ? { versionOrdinal: version.ordinal } : {}),
    },
    numberOfFrames,
  );
  const twinOfImage =
    settings.twin !== undefined && settings.twin !== 'none'
      ? twinImage({
          image,
          outputFolder: dirname(input.outputPath),
          window,
          voi: first.voi,
          boxes: findings,
          labels: settings.labels,
          ...keys,
          ...(version ? { version } : {}),
          copy: {
            sopClassUid: built.sopClassUid,
            sopInstanceUid: built.sopInstanceUid,
            seriesInstanceUid: built.seriesInstanceUid,
          },
        })
      : undefined;
  const twin = twinOfImage ? { twin: twinOfImage } : {};
  const recorder = recordFrames(numberOfFrames);
  // The notice as each frame shows it, for the presentation state to show the same (set as frames are made).
  const notices: (ShownNotice | undefined)[] = [shownNotice(first.notice, 1)];
  const produce = (sink: OutputSink): void => {
    sink.write(built.header);
    sink.write(first.rgb);
    recorder.add(first.rgb);
    for (let index = 1; index < numberOfFrames; index++) {
      const rendered = renderOneFrame(image, index, options);
      notices[index] = shownNotice(rendered.notice, index + 1);
      sink.write(rendered.rgb);
      recorder.add(rendered.rgb);
      context.onFrame?.();
    }
    if (built.padding > 0) sink.write(new Uint8Array(built.padding));
    const shown = notices.filter((n) => n !== undefined);
    if (twinOfImage && shown.length > 0) twinOfImage.notices = shown;
  };
  if (existing) {
    // A rerun: the output an earlier run finished is recognised by its bytes, compared as they are made.
    const reason = existingMatches(input.outputPath, produce) ? alreadyDoneReason : existsReason;
    return {
      result: { ok: false, exists: true, reason },
      frames: numberOfFrames,
      seriesInstanceUid: built.seriesInstanceUid,
      ...twin,
    };
  }
  const result = writeAtomically(input.outputPath, produce, {
    overwrite: settings.overwrite,
    verify: settings.verify
      ? (file) =>
          verifyWrittenOutput(
            file,
            {
              header: built.header,
              frameBytes: rows * columns * 3,
              padding: built.padding,
              frames: recorder,
              sopInstanceUid: built.sopInstanceUid,
              rows,
              columns,
            },
            (bytes) => scratchView('read-back', bytes),
          )
      : undefined,
  });
  return { result, frames: numberOfFrames, seriesInstanceUid: built.seriesInstanceUid, ...twin };
}

/** A frame's placed notice as the twins keep it: text and place, on its 1-based frame. */
function shownNotice(placed: PlacedNotice | undefined, frame: number): ShownNotice | undefined {
  if (placed === undefined) return undefined;
  const { text, x, y, width, height } = placed;
  return { frame, text, x, y, width, height };
}

/**
 * Why the output may not be written where it is meant to go: it is the input itself (compared by real
 * paths, so a link to the input folder is caught), or a symbolic link (an output is always a regular
 * file of our own; replacing a link would mean writing where someone else pointed).
 */
function unsafeDestination(input: ConvertInput, mayExist: boolean): string | undefined {
  const replaces = 'the output would replace the input; choose another --out folder';
  if (resolve(input.outputPath) === resolve(input.path)) return replaces;
  // Not among the names of its folder when the folder was listed (prepareOutput), and no --overwrite:
  // nothing there can be the input (inputs exist before the run) or a link, so no lstat is made. A
  // name that appears since is never written through or replaced: the temporary is created with
  // O_EXCL | O_NOFOLLOW, and publishing hard-links it into place, which fails when the name is taken.
  if (!mayExist) return undefined;
  let entry;
  try {
    entry = lstatSync(input.outputPath);
  } catch {
    // No such entry: nothing there can be the input or a link, so no real path is resolved.
    return undefined;
  }
  const realInput = realPathOrUndefined(input.path) ?? resolve(input.path);
  if (realPathOrUndefined(input.outputPath) === realInput) return replaces;
  if (entry.isSymbolicLink()) {
    return 'the output name is taken by a symbolic link, which is never replaced or written through; remove the link or choose another --out folder';
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
  // One listing of the output folder per thread says which outputs exist already (and clears what an
  // interrupted run left of this one).
  const prepared = prepareOutput(input.outputPath);
  // With --overwrite the name is always looked at: a rename would replace whatever is there by then.
  const unsafe = unsafeDestination(input, prepared.existed || !prepared.listed || settings.overwrite);
  if (unsafe !== undefined) return { status: 'failed', input: input.path, reason: unsafe };
  let matchedBoxOrigins: string[] = [];
  let image: DicomImage | undefined;
  try {
    // An existing output is checked against what this run would write (deterministic UIDs make it
    // recognisable), so a rerun after a crash skips what is done and still makes everything else.
    const existing = prepared.existed && !settings.overwrite;
    const read = await readForConversion(input.path);
    if (!read.ok) {
      return { status: read.kind === 'error' ? 'failed' : 'skipped', input: input.path, reason: read.reason };
    }
    image = read.image;
    // An earlier run's outputs inside the input folder are not converted again ("[DICOM Ink RGB] [DICOM Ink RGB]").
    if (settings.includeDerived !== true && isOwnOutput(image))
      return { status: 'skipped', input: input.path, reason: ownOutputReason };
    const { header } = image;
    const tooLarge = sizeProblem(image);
    if (tooLarge) return { status: 'skipped', input: input.path, reason: tooLarge };
    const records = context.boxes
      ? context.boxes.boxesForImage({
          sopInstanceUid: header.sopInstanceUid,
          seriesInstanceUid: header.seriesInstanceUid,
          instanceNumber: header.instanceNumber,
          relativePath: input.relativePath,
        })
      : [];
    const { columns, rows, numberOfFrames } = header.pixel;
    const selection = selectBoxes(records, { frames: numberOfFrames, columns, rows }, settings);
    matchedBoxOrigins = selection.matchedOrigins;
    if (!existing) {
      const folder = prepareOutputFolder(dirname(input.outputPath), context.outputRoot);
      if (!folder.ok) {
        const stop = folder.stop ? { stop: folder.stop } : {};
        return { status: 'failed', input: input.path, reason: folder.reason, matchedBoxOrigins, ...stop };
      }
    }
    const written = writeStreamed(image, input, context, selection, existing);
    if (!written.result.ok) {
      const { reason, exists, stop } = written.result;
      if (exists) {
        return {
          status: 'skipped',
          input: input.path,
          reason,
          matchedBoxOrigins,
          existingOutput: input.outputPath,
          // an earlier run's output that equals this run's: its twins' facts hold as well
          ...(reason === alreadyDoneReason && written.twin ? { twin: written.twin } : {}),
        };
      }
      return { status: 'failed', input: input.path, reason, matchedBoxOrigins, ...(stop ? { stop } : {}) };
    }
    const warnings: ImageWarning[] = [
      ...selection.clipped.map((clip) => ({ kind: 'box-clipped' as const, ...clip })),
      ...presetWarnings(header, settings.window),
      ...(settings.labels ? unplacedLabelWarnings(header, selection.boxes, selection.drawnOrigins) : []),
    ];
    return {
      status: 'converted',
      input: input.path,
      output: input.outputPath,
      frames: written.frames,
      seriesInstanceUid: written.seriesInstanceUid,
      boxesDrawn: selection.boxes.length,
      matchedBoxOrigins,
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(written.twin ? { twin: written.twin } : {}),
    };
  } catch (error) {
    return {
      status: 'failed',
      input: input.path,
      reason: `could not convert it: ${messageOf(error)}`,
      matchedBoxOrigins,
    };
  } finally {
    image?.close();
  }
}
