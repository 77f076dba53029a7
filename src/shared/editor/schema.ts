import { z } from 'zod';
import { packedRegionSchema } from '../boxes/packed-region-schema';
import type { EditableBox } from './editable-box';
import type { EditorDocument } from './edits';

/**
 * Runtime checks for editor data arriving from outside the process (a session file, an IPC message).
 * The types stay in editable-box.ts / edits.ts; these schemas must accept exactly those shapes.
 */
const channel = z.number().int().min(0).max(255);
const pixel = z.number().int().min(0);

const snapshotSchema = z.object({
  review: z.enum(['unreviewed', 'accepted', 'rejected', 'edited']),
  sliceKey: z.string().min(1),
  frame: z.number().int().min(1),
  x1: pixel,
  y1: pixel,
  x2: pixel,
  y2: pixel,
  label: z.string().optional(),
});

const auditEntrySchema = z.object({
  boxId: z.string().min(1),
  who: z.string().max(320),
  when: z.string().max(40),
  action: z.string().max(40),
  before: snapshotSchema,
  after: snapshotSchema,
});

export const editableBoxSchema = z
  .object({
    id: z.string().min(1),
    sliceKey: z.string().min(1),
    frame: z.number().int().min(1),
    x1: pixel,
    y1: pixel,
    x2: pixel,
    y2: pixel,
    label: z.string().optional(),
    color: z.tuple([channel, channel, channel]).readonly(),
    thickness: z.number().int().min(1).max(256),
    score: z.number().min(0).max(1).optional(),
    region: packedRegionSchema.optional(),
    clippedEdges: z
      .array(z.enum(['left', 'top', 'right', 'bottom']))
      .min(1)
      .max(4)
      .optional(),
    findingId: z.string().min(1).max(64).optional(),
    source: z.string().min(1).max(4096).optional(),
    review: z.enum(['unreviewed', 'accepted', 'rejected', 'edited']).optional(),
    drawn: z.boolean().optional(),
    original: z
      .object({ x1: pixel, y1: pixel, x2: pixel, y2: pixel, label: z.string().optional() })
      .optional(),
  })
  .refine((b) => b.x1 <= b.x2 && b.y1 <= b.y2, { message: 'box corners out of order (x1 > x2 or y1 > y2)' });

export const editorDocumentSchema = z
  .object({
    boxes: z.array(editableBoxSchema),
    nextId: z.number().int().min(1),
    audit: z.array(auditEntrySchema).max(100_000).optional(),
  })
  .refine((d) => new Set(d.boxes.map((b) => b.id)).size === d.boxes.length, { message: 'duplicate box ids' })
  .refine((d) => d.boxes.every((b) => !/^b\d+$/.test(b.id) || Number(b.id.slice(1)) < d.nextId), {
    message: 'nextId must be above every box id, or new boxes would reuse ids',
  });

// Compile-time proof that the schemas produce the editor's own types.
const _boxMatches: (v: z.infer<typeof editableBoxSchema>) => EditableBox = (v) => v;
const _documentMatches: (v: z.infer<typeof editorDocumentSchema>) => EditorDocument = (v) => v;
void _boxMatches;
void _documentMatches;
