import { createRequire } from 'node:module';
import type * as DcmjsCodecs from 'dcmjs-codecs';
import type { Context } from 'dcmjs-codecs';
import type { PixelFormat } from '../../../shared/dicom/image-header';
import { DicomDecodeError, describeThrown } from '../errors';
import { transferSyntaxInfo, type PixelCodec } from '../transfer-syntaxes';
import { jpeg2000UsesMct, jpegLsInterleaveMode } from './codestream';
import { copyBytes } from './native';

type CodecsModule = typeof DcmjsCodecs;

/**
 * The library, once loaded. It is imported on demand, not at start-up: merely loading it (with the
 * dcmjs it pulls in) costs ~50 ms of CPU per thread, which a folder of uncompressed files never needs.
 */
let loaded: CodecsModule | undefined;
let initialising: Promise<void> | undefined;

/** Loaded with require rather than import(): the package is CommonJS, and this also works in a bundle. */
function loadLibrary(): CodecsModule {
  return createRequire(__filename)('dcmjs-codecs') as CodecsModule;
}

async function loadAndInitialise(): Promise<void> {
  const codecs = loadLibrary();
  await codecs.NativeCodecs.initializeAsync({ logCodecsInfo: false, logCodecsTrace: false });
  loaded = codecs;
}

/**
 * Loads the dcmjs-codecs WebAssembly (IJG libjpeg, CharLS, OpenJPEG, OpenJPH) once per thread.
 * Idempotent: later calls return the same promise. A failed load can be retried.
 */
export function initCodecs(): Promise<void> {
  if (loaded) return Promise.resolve();
  initialising ??= loadAndInitialise().catch((error: unknown) => {
    initialising = undefined;
    throw error;
  });
  return initialising;
}

export function codecsReady(): boolean {
  return loaded !== undefined;
}

/**
 * Whether frames in `transferSyntaxUid` go through the WebAssembly codecs (uncompressed and deflated
 * data do not). Lets a converter start the codecs on the first compressed file it meets, so a folder
 * of uncompressed files never pays their start-up (~70 ms per thread).
 */
export function needsCodecs(transferSyntaxUid: string): boolean {
  const codec = transferSyntaxInfo(transferSyntaxUid)?.codec;
  return codec !== undefined && codec !== 'native' && codec !== 'deflate';
}

/** A decoded frame: bytes in the codec's layout (16-bit samples little endian) and their photometric. */
export interface CodecOutput {
  bytes: Uint8Array;
  /** samples come out planar (RRR..GGG..BBB) rather than interleaved */
  planar: boolean;
  photometric: string;
}

/**
 * The photometric interpretation of what the codec returns (PS3.5 8.2): JPEG decoders upsample
 * 4:2:2/4:2:0 chroma to full resolution without converting colour (YBR_FULL_422 -> YBR_FULL).
 * JPEG 2000 (PS3.5 8.2.4): what the codestream's COD marker says wins over the label. With MCT on the
 * decoder has already applied the inverse RCT/ICT; a file labelled YBR_RCT/YBR_ICT whose codestream
 * has MCT off (some encoders write it so) holds untransformed R, G, B. Either way the output is RGB.
 */
function decodedPhotometric(codec: PixelCodec, encoded: Uint8Array, pixel: PixelFormat): string {
  const declared = pixel.photometric;
  if (pixel.samplesPerPixel !== 3) return declared;
  if (codec === 'jpeg') return declared.replace(/_42[02]$/, '');
  if (codec !== 'jpeg2000' && codec !== 'htj2k') return declared;
  if (declared === 'YBR_RCT' || declared === 'YBR_ICT') return 'RGB';
  return jpeg2000UsesMct(encoded) ? 'RGB' : declared;
}

function runCodec({ NativeCodecs }: CodecsModule, codec: PixelCodec, context: Context): Context {
  switch (codec) {
    case 'rle':
      return NativeCodecs.decodeRle(context);
    case 'jpeg':
      return NativeCodecs.decodeJpeg(context, { convertColorspaceToRgb: false });
    case 'jpeg-ls':
      return NativeCodecs.decodeJpegLs(context);
    case 'jpeg2000':
      return NativeCodecs.decodeJpeg2000(context);
    case 'htj2k':
      return NativeCodecs.decodeHtJpeg2000(context);
    case 'native':
    case 'deflate':
      throw new DicomDecodeError('native pixel data does not go through a codec');
  }
}

/** Decodes one encapsulated frame; throws DicomDecodeError with the codec's complaint. */
export function decodeWithCodec(codec: PixelCodec, encoded: Uint8Array, pixel: PixelFormat): CodecOutput {
  if (!loaded) {
    throw new DicomDecodeError(
      'the image codecs are not initialised: call initCodecs() before decoding compressed frames',
    );
  }
  const context = new loaded.Context({
    width: pixel.columns,
    height: pixel.rows,
    // 1-bit images are compressed as 8-bit samples holding 0 or 1 (PS3.5 8.2).
    bitsAllocated: Math.max(pixel.bitsAllocated, 8),
    bitsStored: pixel.bitsStored,
    samplesPerPixel: pixel.samplesPerPixel,
    pixelRepresentation: pixel.pixelRepresentation,
    planarConfiguration: pixel.planarConfiguration,
    photometricInterpretation: pixel.photometric,
    encodedBuffer: encoded,
  });
  let decoded: Uint8Array | undefined;
  try {
    decoded = runCodec(loaded, codec, context).getDecodedBuffer();
  } catch (thrown) {
    if (thrown instanceof DicomDecodeError) throw thrown;
    throw new DicomDecodeError(
      `the ${codec} codec could not decode the frame (${describeThrown(thrown).replace(/\s+/g, ' ').trim()}): the compressed data is corrupt`,
    );
  }
  if (!decoded)
    throw new DicomDecodeError(`the ${codec} codec returned no data: the compressed data is corrupt`);
  // JPEG-LS interleave mode 0 stores one component per scan; the codec returns them planar
  // whatever Planar Configuration says (PS3.5 A.4.3 lets the codestream decide).
  const planar = pixel.samplesPerPixel === 3 && codec === 'jpeg-ls' && jpegLsInterleaveMode(encoded) === 0;
  return { bytes: copyBytes(decoded), planar, photometric: decodedPhotometric(codec, encoded, pixel) };
}
