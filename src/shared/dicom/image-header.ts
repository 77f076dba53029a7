/**
 * What the reader tells the rest of the app about one DICOM image: identity, geometry and how its
 * stored values become display values. Plain data (structured-clone safe), so it crosses worker and IPC
 * boundaries as is.
 */

/** Image Pixel Module attributes (PS3.3 C.7.6.3) that describe the stored samples. */
export interface PixelFormat {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  /** 0 unsigned, 1 two's complement */
  pixelRepresentation: 0 | 1;
  /** Photometric Interpretation as written in the file, e.g. MONOCHROME2, RGB, YBR_FULL_422, PALETTE COLOR */
  photometric: string;
  planarConfiguration: 0 | 1;
  numberOfFrames: number;
}

/** A lookup table as in PS3.3 C.11.1 (Modality LUT) / C.11.2 (VOI LUT) / C.7.6.3.1.5 (palette). */
export interface LookupTable {
  /** first stored (or input) value mapped */
  firstMapped: number;
  /** bits per entry as given by the descriptor */
  bitsPerEntry: number;
  /** the entries, in order */
  data: number[];
}

/** Modality transform (PS3.3 C.11.1): rescale, or a Modality LUT Sequence. */
export type ModalityTransform =
  { kind: 'rescale'; slope: number; intercept: number } | { kind: 'lut'; lut: LookupTable };

/** VOI LUT Function (PS3.3 C.11.2.1.3). */
export type VoiFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

export interface VoiWindow {
  center: number;
  width: number;
  fn: VoiFunction;
  explanation?: string;
}

export interface PaletteColorLut {
  red: LookupTable;
  green: LookupTable;
  blue: LookupTable;
}

export interface ImageHeader {
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  transferSyntaxUid: string;
  /** true when the File Meta named no transfer syntax and it was worked out from the dataset's encoding */
  transferSyntaxInferred?: boolean;
  modality?: string;
  patientName?: string;
  patientId?: string;
  studyDate?: string;
  studyDescription?: string;
  seriesNumber?: number;
  seriesDescription?: string;
  instanceNumber?: number;
  /** Image Plane Module (PS3.3 C.7.6.2), when present */
  imagePositionPatient?: number[];
  imageOrientationPatient?: number[];
  pixelSpacing?: number[];
  sliceLocation?: number;
  /** Slice Thickness (0018,0050), mm */
  sliceThickness?: number;
  pixel: PixelFormat;
  /** identity is { kind: 'rescale', slope: 1, intercept: 0 } */
  modalityTransform: ModalityTransform;
  /** the file's VOI windows (Window Center/Width pairs), first one is the default */
  windows: VoiWindow[];
  /** VOI LUT Sequence item, when present (first item) */
  voiLut?: LookupTable;
  /** Palette Color Lookup Tables, for PALETTE COLOR */
  palette?: PaletteColorLut;
}

/**
 * One decoded frame, as the decoder hands it to the pixel pipeline.
 * Samples are pixel-interleaved (R,G,B,R,G,B,... for 3 samples) whatever the file's planar
 * configuration, in host byte order, one array element per sample:
 * bitsAllocated 1 or 8 -> Uint8Array (1-bit data is unpacked to one value per pixel),
 * 16 -> Uint16Array, 32 -> Uint32Array. Signed data keeps its raw two's-complement bits
 * (the pipeline masks to BitsStored and sign-extends, PS3.5 8.1.1).
 */
export interface RawFrame {
  data: Uint8Array | Uint16Array | Uint32Array;
  /**
   * Photometric interpretation of the decoded samples; can differ from the header's
   * (e.g. a JPEG YBR_FULL_422 frame comes out of the codec as full-resolution YBR_FULL, YBR_RCT/ICT
   * JPEG 2000 frames come out as RGB).
   */
  photometric: string;
}
