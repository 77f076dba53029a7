/**
 * Just enough of the JPEG-family codestream headers to know how a codec will lay out its output:
 * the JPEG-LS interleave mode (ITU-T T.87 C.2.3) and the JPEG 2000 multiple component transform
 * flag (ITU-T T.800 A.6.1). Both are read from the main header only.
 */

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

/** Markers without a length field (ITU-T T.81 B.1.1.3): TEM, RSTn, SOI, EOI. */
function standalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
}

/**
 * JPEG-LS interleave mode of the first scan: 0 (one component per scan, i.e. planar output), 1 (line)
 * or 2 (sample); undefined when no scan header is found.
 */
export function jpegLsInterleaveMode(bytes: Uint8Array): number | undefined {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (standalone(marker)) {
      at += 2;
      continue;
    }
    const length = u16(bytes, at + 2);
    if (marker === 0xda) {
      // SOS: Ls, Ns, Ns x (Ci, Tmi), NEAR, ILV, ...
      const components = bytes[at + 4] ?? 0;
      return bytes[at + 5 + 2 * components + 1];
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * Where the JPEG 2000 codestream starts: 0 for a bare codestream (SOC, SIZ), else just after the SOC
 * marker found in a JP2 file's contiguous codestream box (ISO 15444-1 I.5.4), which some encoders
 * write into DICOM although PS3.5 A.4.4 asks for the bare codestream.
 */
function codestreamStart(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 4, 64 * 1024);
  for (let at = 0; at <= limit; at++) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0x4f && bytes[at + 2] === 0xff && bytes[at + 3] === 0x51)
      return at;
  }
  return 0;
}

/** True when the JPEG 2000 COD segment asks for the inverse multiple component transform (RCT/ICT). */
export function jpeg2000UsesMct(bytes: Uint8Array): boolean {
  let at = codestreamStart(bytes) + 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] as number;
    const length = u16(bytes, at + 2);
    // COD: Lcod(2) Scod(1) SGcod = progression(1) layers(2) MCT(1)
    if (marker === 0x52) return bytes[at + 8] === 1;
    if (marker === 0x90 || marker === 0x93) return false;
    at += 2 + length;
  }
  return false;
}
