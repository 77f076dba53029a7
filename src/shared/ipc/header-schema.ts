/** Runtime schema of ImageHeader (src/shared/dicom/image-header.ts), checked where a header crosses IPC. */
import { z } from 'zod';
import type { ImageHeader } from '../dicom/image-header';

const lookupTable = z.object({
  firstMapped: z.number(),
  bitsPerEntry: z.number().int(),
  data: z.array(z.number()),
});

const pixelFormat = z.object({
  rows: z.number().int().positive(),
  columns: z.number().int().positive(),
  samplesPerPixel: z.number().int().positive(),
  bitsAllocated: z.number().int().positive(),
  bitsStored: z.number().int().positive(),
  highBit: z.number().int().nonnegative(),
  pixelRepresentation: z.union([z.literal(0), z.literal(1)]),
  photometric: z.string(),
  planarConfiguration: z.union([z.literal(0), z.literal(1)]),
  numberOfFrames: z.number().int().positive(),
});

const voiFunction = z.enum(['LINEAR', 'LINEAR_EXACT', 'SIGMOID']);

export const imageHeaderSchema: z.ZodType<ImageHeader> = z.object({
  sopClassUid: z.string(),
  sopInstanceUid: z.string(),
  studyInstanceUid: z.string(),
  seriesInstanceUid: z.string(),
  transferSyntaxUid: z.string(),
  transferSyntaxInferred: z.boolean().optional(),
  modality: z.string().optional(),
  patientName: z.string().optional(),
  patientId: z.string().optional(),
  studyDate: z.string().optional(),
  studyDescription: z.string().optional(),
  seriesNumber: z.number().optional(),
  seriesDescription: z.string().optional(),
  instanceNumber: z.number().optional(),
  imagePositionPatient: z.array(z.number()).optional(),
  imageOrientationPatient: z.array(z.number()).optional(),
  pixelSpacing: z.array(z.number()).optional(),
  sliceLocation: z.number().optional(),
  sliceThickness: z.number().optional(),
  pixel: pixelFormat,
  modalityTransform: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rescale'), slope: z.number(), intercept: z.number() }),
    z.object({ kind: z.literal('lut'), lut: lookupTable }),
  ]),
  windows: z.array(
    z.object({ center: z.number(), width: z.number(), fn: voiFunction, explanation: z.string().optional() }),
  ),
  voiLut: lookupTable.optional(),
  palette: z.object({ red: lookupTable, green: lookupTable, blue: lookupTable }).optional(),
});
