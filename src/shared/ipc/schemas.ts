/**
 * zod schemas for every message of the contract (src/shared/ipc/contract.ts). Requests are strict
 * (unknown keys are refused: the renderer is untrusted); responses and events are checked by the
 * renderer before use.
 */
import { z } from 'zod';
import type { EventChannel, EventContract, InvokeChannel, RequestOf, ResponseOf } from './contract';
import {
  exportProgressSchema,
  exportRequestSchema,
  jobIdSchema,
  loadedSessionSchema,
  pathText,
  sessionSaveSchema,
} from './app-schemas';
import { findingsImportAnswerSchema, findingsImportRequestSchema } from './findings-schemas';
import {
  deliveryEventSchema,
  deliveryIdSchema,
  destinationAddSchema,
  destinationSummarySchema,
  destinationTestSchema,
  destinationText,
} from './delivery-schemas';
import { imageHeaderSchema } from './header-schema';

const empty = z.strictObject({});

/** Renderer-chosen id of a cancellable image:load: a positive integer a JS number holds exactly. */
const requestId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const scanProgress = z.object({
  libraryId: z.string(),
  folder: z.string(),
  state: z.enum(['scanning', 'done', 'cancelled', 'failed']),
  filesSeen: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
  nonImages: z.number().int().nonnegative(),
  error: z.string().optional(),
});

const slice = z.object({
  path: z.string(),
  frame: z.number().int().nonnegative(),
  sopInstanceUid: z.string(),
  instanceNumber: z.number().optional(),
  position: z.number().optional(),
});

const series = z.object({
  seriesInstanceUid: z.string(),
  seriesNumber: z.number().optional(),
  description: z.string(),
  modality: z.string(),
  rows: z.number().int(),
  columns: z.number().int(),
  folder: z.string(),
  slices: z.array(slice),
});

const snapshot = z.object({
  version: z.number().int().nonnegative(),
  scans: z.array(scanProgress),
  patients: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      id: z.string(),
      studies: z.array(
        z.object({
          studyInstanceUid: z.string(),
          description: z.string(),
          date: z.string(),
          series: z.array(series),
        }),
      ),
    }),
  ),
  nonImages: z.array(
    z.object({ path: z.string(), kind: z.enum(['not-dicom', 'not-image', 'error']), reason: z.string() }),
  ),
});

const preset = z.object({
  id: z.string(),
  name: z.string(),
  width: z.number(),
  center: z.number(),
  source: z.string(),
});

type Schemas = {
  [C in InvokeChannel]: { request: z.ZodType<RequestOf<C>>; response: z.ZodType<ResponseOf<C>> };
};

export const invokeSchemas: Schemas = {
  'app:info': {
    request: empty,
    response: z.object({
      version: z.string(),
      transport: z.enum(['electron', 'browser']),
      canPickFolder: z.boolean(),
      canDropFolders: z.boolean(),
      sampleFolder: z.string(),
      sampleExportsDir: z.string(),
    }),
  },
  'library:pick-folder': { request: empty, response: z.object({ folder: z.string().nullable() }) },
  'library:open': {
    request: z.strictObject({ folder: pathText }),
    response: z.object({ libraryId: z.string() }),
  },
  'library:cancel': {
    request: z.strictObject({ libraryId: z.string().min(1).max(100) }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'library:close': {
    request: z.strictObject({ libraryId: z.string().min(1).max(100) }),
    response: z.object({ closed: z.boolean() }),
  },
  'library:snapshot': { request: empty, response: snapshot },
  'image:load': {
    request: z.strictObject({
      path: pathText,
      frame: z.number().int().nonnegative().max(100_000),
      requestId: requestId.optional(),
    }),
    response: z.union([
      z.object({
        header: imageHeaderSchema,
        photometric: z.string(),
        sampleType: z.enum(['uint8', 'uint16', 'uint32']),
        bytes: z.instanceof(Uint8Array),
      }),
      z.strictObject({ cancelled: z.literal(true) }),
    ]),
  },
  'image:cancel': {
    request: z.strictObject({ requestId }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'presets:list': { request: empty, response: z.object({ presets: z.array(preset) }) },
  'session:load': { request: z.strictObject({ folder: pathText }), response: loadedSessionSchema },
  'session:save': {
    request: sessionSaveSchema,
    response: z.object({ scheduled: z.literal(true) }),
  },
  'findings:import': { request: findingsImportRequestSchema, response: findingsImportAnswerSchema },
  'export:start': {
    request: exportRequestSchema,
    response: z.object({ jobId: z.string(), deliveryId: z.string().optional() }),
  },
  'export:cancel': {
    request: z.strictObject({ jobId: jobIdSchema }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'export:pick-folder': {
    request: z.strictObject({ defaultPath: pathText.optional() }),
    response: z.object({ folder: z.string().nullable() }),
  },
  'export:reveal': {
    request: z.strictObject({ path: pathText }),
    response: z.object({ revealed: z.boolean() }),
  },
  'destinations:list': {
    request: empty,
    response: z.object({ file: z.string(), destinations: z.array(destinationSummarySchema) }),
  },
  'destinations:add': {
    request: destinationAddSchema,
    response: z.object({ destination: destinationSummarySchema }),
  },
  'destinations:remove': {
    request: z.strictObject({ name: destinationText }),
    response: z.object({ removed: z.string() }),
  },
  'destinations:test': { request: z.strictObject({ to: destinationText }), response: destinationTestSchema },
  'delivery:send': {
    request: z.strictObject({ jobId: jobIdSchema, to: destinationText }),
    response: z.object({ deliveryId: z.string() }),
  },
  'delivery:cancel': {
    request: z.strictObject({ deliveryId: deliveryIdSchema }),
    response: z.object({ cancelled: z.boolean() }),
  },
  'reviewer:get': { request: empty, response: z.object({ reviewer: z.string().nullable() }) },
  'reviewer:set': {
    request: z.strictObject({ reviewer: z.string().max(400) }),
    response: z.object({ reviewer: z.string() }),
  },
};

export const eventSchemas: { [C in EventChannel]: z.ZodType<EventContract[C]> } = {
  'scan:progress': scanProgress,
  'export:progress': exportProgressSchema,
  'delivery:progress': deliveryEventSchema,
};
