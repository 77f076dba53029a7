/** zod schemas for the finding import (findings.ts); requests are strict: the renderer is untrusted. */
import { z } from 'zod';
import { packedRegionSchema } from '../boxes/packed-region-schema';
import type { PlacedRecord } from '../editor/box-io';
import {
  MAX_FINDING_BYTES,
  MAX_FINDING_FILES,
  type FindingsImportAnswer,
  type FindingsImportRequest,
} from './findings';
import { pathText } from './app-schemas';
import { partialAlgorithmSchema } from '../findings/file-algorithm-schema';

/** A name inside the chosen set: relative, '/'-separated, no empty, '.' or '..' segment, no NUL or '\'. */
const fileName = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (name) =>
      !/[\0\\]/.test(name) &&
      !name.startsWith('/') &&
      name.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
    'A file name must be relative, without "." or ".." parts.',
  );

export const findingsImportRequestSchema: z.ZodType<FindingsImportRequest> = z
  .strictObject({
    folder: pathText,
    kind: z.enum(['files', 'folder']),
    files: z
      .array(z.strictObject({ name: fileName, bytes: z.instanceof(Uint8Array) }))
      .min(1, 'No file was chosen.')
      .max(MAX_FINDING_FILES),
  })
  .refine((r) => r.files.reduce((sum, f) => sum + f.bytes.byteLength, 0) <= MAX_FINDING_BYTES, {
    message: `The chosen files are larger than ${MAX_FINDING_BYTES / 1024 / 1024} MiB together.`,
  })
  .refine((r) => new Set(r.files.map((f) => f.name)).size === r.files.length, {
    message: 'Two chosen files have the same name.',
  })
  .refine((r) => r.kind === 'files' || r.files.every((f) => f.name.includes('/')), {
    message: 'A folder import names every file by its path inside the folder.',
  });

const channel = z.number().int().min(0).max(255);

const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sop'), sopInstanceUid: z.string() }),
  z.object({ kind: z.literal('file'), file: z.string() }),
  z.object({ kind: z.literal('series-instance'), seriesInstanceUid: z.string(), instanceNumber: z.number() }),
]);

const placed: z.ZodType<PlacedRecord> = z.object({
  target,
  frame: z.number().int().min(1),
  x1: z.number(),
  y1: z.number(),
  x2: z.number(),
  y2: z.number(),
  label: z.string().optional(),
  score: z.number().optional(),
  color: z.tuple([channel, channel, channel]).readonly().optional(),
  thickness: z.number().optional(),
  origin: z.string(),
  region: packedRegionSchema.optional(),
});

const problem = z.object({ origin: z.string(), reason: z.string() });

export const findingsImportAnswerSchema: z.ZodType<FindingsImportAnswer> = z.object({
  sources: z.array(
    z.object({
      name: z.string(),
      format: z.string().optional(),
      findings: z.array(placed),
      problems: z.array(problem),
      refused: z.string().optional(),
      notes: z.array(z.string()),
      algorithm: partialAlgorithmSchema.optional(),
    }),
  ),
});
