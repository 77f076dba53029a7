import { z } from 'zod';
import type { OutlinePlacement, Rgb } from '../../shared/boxes/model';
import { defaultBoxStyle, type SliceRef } from '../../shared/editor/editable-box';
import { emptyDocument, type EditorDocument } from '../../shared/editor/edits';
import { editorDocumentSchema } from '../../shared/editor/schema';
import type { WindowSpec } from '../../shared/pipeline/types';
import type { FileAlgorithm } from '../../shared/findings/file-algorithms';
import { fileAlgorithmsSchema } from '../../shared/findings/file-algorithm-schema';
import type { NoticeChoice } from '../../shared/boxes/notice';
import { noticeChoiceSchema } from '../../shared/boxes/notice-schema';

/**
 * What is saved per opened folder: the editor document (boxes) and the view/export settings.
 * Bump `sessionSchemaVersion` on any incompatible change; a file from a newer version is set aside, not
 * guessed at.
 */
export const sessionSchemaVersion = 1;

export interface SessionSettings {
  window: WindowSpec;
  /** outline thickness for new boxes and the export, in image pixels */
  thickness: number;
  /** colour for new boxes */
  color: Rgb;
  /** burn labels beside boxes on export */
  labels: boolean;
  /** where box outlines lie in the viewer and the export (absent: outside the box) */
  outline?: OutlinePlacement;
  /** boxes scoring below this (0-1) are hidden in the viewer and left out of the export */
  minScore?: number;
  /** labels whose findings are hidden in the viewer and left out of the export ('' = boxes without a label) */
  hiddenLabels?: string[];
  /** the reader giving verdicts (DICOM PN), named once before the first verdict */
  reviewer?: string;
  /** the image shown when the folder was last closed */
  lastSlice?: SliceRef;
  /** the findings files imported into the folder, each with the algorithm it names or the user set */
  findingFiles?: FileAlgorithm[];
  /** the AI notice chosen in the Export dialog (absent: auto, as the CLI) */
  notice?: NoticeChoice;
}

export interface SessionData {
  /** the folder's real path, for people reading the file; the file name is its hash */
  folder: string;
  document: EditorDocument;
  settings: SessionSettings;
}

export const defaultSettings: SessionSettings = {
  window: { kind: 'auto' },
  thickness: defaultBoxStyle.thickness,
  color: defaultBoxStyle.color,
  labels: false,
};

export function emptySession(folder: string): SessionData {
  return { folder, document: emptyDocument, settings: defaultSettings };
}

const channel = z.number().int().min(0).max(255);

const windowSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('preset'), name: z.string().min(1) }),
  z.object({
    kind: z.literal('custom'),
    center: z.number().finite(),
    // PS3.3 C.11.2.1.2: Window Width shall be >= 1 (LINEAR) or > 0 (LINEAR_EXACT).
    width: z.number().finite().positive(),
    fn: z.enum(['LINEAR', 'LINEAR_EXACT', 'SIGMOID']).optional(),
  }),
]);

const settingsSchema = z.object({
  window: windowSpecSchema,
  thickness: z.number().int().min(1).max(256),
  color: z.tuple([channel, channel, channel]).readonly(),
  labels: z.boolean(),
  outline: z.enum(['outside', 'inside']).optional(),
  minScore: z.number().min(0).max(1).optional(),
  hiddenLabels: z.array(z.string().max(200)).max(1000).optional(),
  reviewer: z.string().min(1).max(320).optional(),
  lastSlice: z.object({ sliceKey: z.string().min(1), frame: z.number().int().min(1) }).optional(),
  findingFiles: fileAlgorithmsSchema.optional(),
  notice: noticeChoiceSchema.optional(),
});

export const sessionFileSchema = z.object({
  schemaVersion: z.literal(sessionSchemaVersion),
  savedAt: z.string(),
  folder: z.string(),
  document: editorDocumentSchema,
  settings: settingsSchema,
});

export type SessionFile = z.infer<typeof sessionFileSchema>;

// Compile-time proof that a validated file holds exactly the types the app uses.
const _settingsMatch: (v: z.infer<typeof settingsSchema>) => SessionSettings = (v) => v;
void _settingsMatch;

export function toSessionFile(session: SessionData, savedAt: Date): SessionFile {
  return { schemaVersion: sessionSchemaVersion, savedAt: savedAt.toISOString(), ...session };
}

export type DecodedSession = { ok: true; session: SessionData } | { ok: false; reason: string };

/** Parse, don't validate: the file's text becomes a typed session once, here, or a reason it cannot. */
export function decodeSessionFile(text: string): DecodedSession {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const version =
    typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > sessionSchemaVersion) {
    return {
      ok: false,
      reason: `it was written by a newer DICOM Ink (session format ${version}; this version reads format ${sessionSchemaVersion})`,
    };
  }
  const parsed = sessionFileSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined || first.path.length === 0 ? '' : ` at ${first.path.join('.')}`;
    return {
      ok: false,
      reason: `its content is not a valid session (${first?.message ?? 'unknown problem'}${where})`,
    };
  }
  const { folder, document, settings } = parsed.data;
  return { ok: true, session: { folder, document, settings } };
}
