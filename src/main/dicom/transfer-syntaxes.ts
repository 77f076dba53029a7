/**
 * Transfer syntaxes this reader knows (PS3.5 Section 10 and Annex A; UIDs from PS3.6 Annex A).
 * Each entry says how the dataset is encoded and, for encapsulated pixel data (PS3.5 A.4), which
 * codec decodes its frames.
 */

/** Which decoder handles a frame; 'native' means uncompressed pixel data (PS3.5 8.1.1). */
export type PixelCodec = 'native' | 'deflate' | 'rle' | 'jpeg' | 'jpeg-ls' | 'jpeg2000' | 'htj2k';

export interface TransferSyntaxInfo {
  uid: string;
  name: string;
  explicitVr: boolean;
  bigEndian: boolean;
  deflated: boolean;
  codec: PixelCodec;
}

function entry(
  uid: string,
  name: string,
  codec: PixelCodec,
  flags: Partial<Pick<TransferSyntaxInfo, 'explicitVr' | 'bigEndian' | 'deflated'>> = {},
): TransferSyntaxInfo {
  return {
    uid,
    name,
    codec,
    explicitVr: flags.explicitVr ?? true,
    bigEndian: flags.bigEndian ?? false,
    deflated: flags.deflated ?? false,
  };
}

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

const TABLE: readonly TransferSyntaxInfo[] = [
  entry(IMPLICIT_VR_LITTLE_ENDIAN, 'Implicit VR Little Endian', 'native', { explicitVr: false }),
  entry(EXPLICIT_VR_LITTLE_ENDIAN, 'Explicit VR Little Endian', 'native'),
  entry(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, 'Deflated Explicit VR Little Endian', 'native', {
    deflated: true,
  }),
  entry(EXPLICIT_VR_BIG_ENDIAN, 'Explicit VR Big Endian (retired)', 'native', { bigEndian: true }),
  entry('1.2.840.10008.1.2.5', 'RLE Lossless', 'rle'),
  entry('1.2.840.10008.1.2.8.1', 'Deflated Image Frame Compression', 'deflate'),
  entry('1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'jpeg'),
  entry('1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4)', 'jpeg'),
  entry('1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', 'jpeg'),
  entry(
    '1.2.840.10008.1.2.4.70',
    'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])',
    'jpeg',
  ),
  entry('1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls'),
  entry('1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless)', 'jpeg-ls'),
  entry('1.2.840.10008.1.2.4.90', 'JPEG 2000 (Lossless Only)', 'jpeg2000'),
  entry('1.2.840.10008.1.2.4.91', 'JPEG 2000', 'jpeg2000'),
  entry('1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 (Lossless Only)', 'htj2k'),
  entry('1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options (Lossless Only)', 'htj2k'),
  entry('1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000', 'htj2k'),
];

const BY_UID = new Map(TABLE.map((t) => [t.uid, t]));

/** The table entry for `uid`, or undefined when this reader cannot decode that transfer syntax. */
export function transferSyntaxInfo(uid: string): TransferSyntaxInfo | undefined {
  return BY_UID.get(uid);
}

/** A readable name for `dicom-ink info`, e.g. "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)". */
export function describeTransferSyntax(uid: string): string {
  const info = BY_UID.get(uid);
  return info ? `${info.name} (${uid})` : `unsupported transfer syntax (${uid})`;
}
