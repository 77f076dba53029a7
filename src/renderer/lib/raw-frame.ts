/** A LoadedFrame (bytes off the wire) as the RawFrame the shared pipeline takes: typed views, no copy. */
import type { ImageHeader, RawFrame } from '../../shared/dicom/image-header';
import type { LoadedFrame } from '../../shared/ipc/contract';

export interface ViewerFrame {
  header: ImageHeader;
  raw: RawFrame;
}

function view(bytes: Uint8Array, sampleType: LoadedFrame['sampleType']): RawFrame['data'] {
  const { buffer, byteOffset, byteLength } = bytes;
  // The transports deliver 8-byte aligned bytes; copy if one ever does not.
  const aligned = byteOffset % 4 === 0 ? bytes : bytes.slice();
  switch (sampleType) {
    case 'uint8':
      return bytes;
    case 'uint16':
      return aligned === bytes
        ? new Uint16Array(buffer, byteOffset, byteLength / 2)
        : new Uint16Array(aligned.buffer);
    case 'uint32':
      return aligned === bytes
        ? new Uint32Array(buffer, byteOffset, byteLength / 4)
        : new Uint32Array(aligned.buffer);
  }
}

export function toViewerFrame(loaded: LoadedFrame): ViewerFrame {
  return {
    header: loaded.header,
    raw: { data: view(loaded.bytes, loaded.sampleType), photometric: loaded.photometric },
  };
}
