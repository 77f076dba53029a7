/**
 * zod schemas for the destination and delivery messages (delivery.ts). Requests are strict: the renderer is
 * untrusted. What a destination URL or name means is decided in main by the CLI's own parser.
 */
import { z } from 'zod';
import type {
  DeliveryEvent,
  DestinationAddRequest,
  DestinationSummary,
  DestinationTestResult,
  ListedOutcome,
} from './delivery';
import { MAX_LISTED_OUTCOMES } from './delivery';

/** Printable text without control characters (a NUL or newline has no place in a URL, name or AE title). */
const line = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `The ${what} is empty.`)
    .max(max, `The ${what} is longer than ${max} characters.`)
    .refine(
      (text) => ![...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
      `The ${what} contains a control character.`,
    );

/** Where to send: a saved destination's name or a URL of the accepted forms. */
export const destinationText = line('destination', 2048);

export const destinationAddSchema: z.ZodType<DestinationAddRequest> = z.strictObject({
  name: line('destination name', 64),
  url: line('destination URL', 2048),
  callingAe: line('calling AE title', 16).optional(),
  token: line('token', 8192).optional(),
});

export const destinationSummarySchema: z.ZodType<DestinationSummary> = z.object({
  name: z.string(),
  description: z.string(),
  invalid: z.string().optional(),
});

export const destinationTestSchema: z.ZodType<DestinationTestResult> = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), target: z.string(), detail: z.string(), ms: z.number().nonnegative() }),
  z.object({
    ok: z.literal(false),
    target: z.string().optional(),
    reason: z.string(),
    ms: z.number().nonnegative(),
  }),
]);

const count = z.number().int().nonnegative();

const listedOutcome: z.ZodType<ListedOutcome> = z.object({
  file: z.string(),
  kind: z.enum([
    'delivered',
    'warning',
    'already-stored',
    'already-delivered',
    'failed',
    'not-sent',
    'skipped',
  ]),
  meaning: z.string().optional(),
  code: z.string().optional(),
  transient: z.boolean().optional(),
  attempts: count.optional(),
});

export const deliveryIdSchema = z.string().min(1).max(100);

export const deliveryEventSchema: z.ZodType<DeliveryEvent> = z.discriminatedUnion('state', [
  z.object({
    deliveryId: z.string(),
    jobId: z.string(),
    state: z.literal('running'),
    target: z.string(),
    queued: count,
    allQueued: z.boolean(),
    delivered: count,
    failed: count,
    skipped: count,
    retrying: count,
    elapsedMs: z.number().nonnegative(),
  }),
  z.object({
    deliveryId: z.string(),
    jobId: z.string(),
    state: z.enum(['completed', 'cancelled']),
    target: z.string(),
    sentNow: count,
    elapsedMs: z.number().nonnegative(),
    outcomes: z.array(listedOutcome).max(MAX_LISTED_OUTCOMES),
    logError: z.string().optional(),
    superseded: z.string().optional(),
    delivered: count,
    failed: count,
    notSent: count,
    skipped: count,
  }),
  z.object({ deliveryId: z.string(), jobId: z.string(), state: z.literal('failed'), reason: z.string() }),
]);
