/** The decoding entry points other modules need: codec start-up and the error decodeFrame throws. */
export { initCodecs, codecsReady, needsCodecs } from './codecs';
export { DicomDecodeError } from '../errors';
