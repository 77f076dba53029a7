/**
 * zod schemas for the box-editing, session and export messages (split from schemas.ts to keep files small).
 * Requests are strict: the renderer is untrusted.
 */
import { z } from 'zod';
import { packedRegionSchema } from '../boxes/packed-region-schema';
import { editorDocumentSchema } from '../editor/schema';
import { algorithmSchema, fileAlgorithmsSchema } from '../findings/file-algorithm-schema';
import { noticeChoiceSchema } from '../boxes/notice-schema';
import { destinationText } from './delivery-schemas';
import { MAX_LISTED_PROBLEMS, type ExportProgress, type ExportRequest } from './export';
import type { LoadedSession, SessionPayload } from './session';

/** An absolute or relative filesystem path as typed by a user: bounded, no NUL (which truncates C paths). */
export const pathText = z
  .string()
  .min(1, 'The path is empty: give a folder or file path.')
  .max(4096, 'The path is longer than 4096 characters.')
  .refine((text) => !text.includes('\0'), 'The path contains a NUL character.');

const channel = z.number().int().min(0).max(255);
const rgb = z.tuple([channel, channel, channel]).readonly();

export const windowSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('preset'), name: z.string().min(1).max(100) }),
  z.strictObject({
    kind: z.literal('custom'),
    center: z.number().finite(),
    // PS3.3 C.11.2.1.2: Window Width shall be >= 1 (LINEAR) or > 0 (LINEAR_EXACT).
    width: z.number().finite().positive(),
    fn: z.enum(['LINEAR', 'LINEAR_EXACT', 'SIGMOID']).optional(),
  }),
]);

const thickness = z.number().int().min(1).max(256);

export const sessionSettingsSchema = z.strictObject({
  window: windowSpecSchema,
  thickness,
  color: rgb,
  labels: z.boolean(),
  outline: z.enum(['outside', 'inside']).optional(),
  minScore: z.number().min(0).max(1).optional(),
  hiddenLabels: z.array(z.string().max(200)).max(1000).optional(),
  reviewer: z.string().min(1).max(320).optional(),
  lastSlice: z.strictObject({ sliceKey: z.string().min(1), frame: z.number().int().min(1) }).optional(),
  findingFiles: fileAlgorithmsSchema.optional(),
  notice: noticeChoiceSchema.optional(),
});

export const sessionSaveSchema: z.ZodType<{ folder: string } & SessionPayload> = z.strictObject({
  folder: pathText,
  document: editorDocumentSchema,
  settings: sessionSettingsSchema,
});

export const loadedSessionSchema: z.ZodType<LoadedSession> = z.object({
  document: editorDocumentSchema,
  settings: sessionSettingsSchema,
  restored: z.boolean(),
  warning: z.string().optional(),
});

const pixel = z.number().int().min(0).max(65_535);

const exportBox = z
  .strictObject({
    sopInstanceUid: z.string().min(1).max(64),
    frame: z.number().int().min(1).max(100_000),
    x1: pixel,
    y1: pixel,
    x2: pixel,
    y2: pixel,
    color: rgb,
    thickness: z.number().int().min(1).max(256),
    label: z.string().max(200).optional(),
    score: z.number().min(0).max(1).optional(),
    region: packedRegionSchema.optional(),
    id: z.string().min(1).max(64).optional(),
    review: z.enum(['unreviewed', 'accepted', 'rejected', 'edited']).optional(),
    finder: z.literal('reader').optional(),
  })
  .refine((b) => b.x1 <= b.x2 && b.y1 <= b.y2, { message: 'box corners out of order (x1 > x2 or y1 > y2)' });

export const exportRequestSchema: z.ZodType<ExportRequest> = z.strictObject({
  inputs: z
    .array(pathText)
    .min(1, 'Nothing to export: choose an image, a series or open a folder.')
    .max(100_000),
  outDir: pathText,
  window: windowSpecSchema,
  thickness,
  outline: z.enum(['outside', 'inside']).optional(),
  labels: z.boolean(),
  ownWindowWherePresetMisfits: z.boolean().optional(),
  overwrite: z.boolean(),
  boxes: z.array(exportBox).max(100_000),
  sendTo: destinationText.optional(),
  supersede: z.boolean().optional(),
  twin: z.enum(['none', 'gsps', 'sr', 'both', 'seg', 'kos', 'all']).optional(),
  segBoxes: z.boolean().optional(),
  reviewer: z.string().min(1).max(320).optional(),
  requireReview: z.boolean().optional(),
  notice: noticeChoiceSchema.optional(),
  algorithm: algorithmSchema.optional(),
});

const count = z.number().int().nonnegative();
const problems = z.array(z.object({ input: z.string(), reason: z.string() })).max(MAX_LISTED_PROBLEMS);

export const exportProgressSchema: z.ZodType<ExportProgress> = z.discriminatedUnion('state', [
  z.object({
    jobId: z.string(),
    state: z.literal('running'),
    done: count,
    total: count.optional(),
    converted: count,
    skipped: count,
    failed: count,
    elapsedMs: z.number().nonnegative(),
  }),
  z.object({
    jobId: z.string(),
    state: z.enum(['completed', 'cancelled']),
    outDir: z.string(),
    converted: count,
    skippedCount: count,
    failedCount: count,
    skipped: problems,
    failed: problems,
    unmatchedBoxes: count,
    unstoppable: problems.optional(),
    twins: z
      .array(
        z.object({
          kind: z.enum(['presentation state', 'structured report', 'segmentation', 'key object selection']),
          status: z.enum(['written', 'skipped', 'failed']),
          output: z.string(),
          detail: z.string(),
        }),
      )
      .max(MAX_LISTED_PROBLEMS)
      .optional(),
    notes: z.array(z.string()).max(MAX_LISTED_PROBLEMS).optional(),
    elapsedMs: z.number().nonnegative(),
  }),
  z.object({ jobId: z.string(), state: z.literal('failed'), reason: z.string() }),
]);

export const jobIdSchema = z.string().min(1).max(100);
