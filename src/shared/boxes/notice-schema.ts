/** zod schema of the AI notice choice (`--notice auto|none|TEXT`) as the Export dialog sends it. */
import { z } from 'zod';
import type { NoticeChoice } from './notice';

/** A notice is one short line: longer text would not fit the corner of a small image. */
export const MAX_NOTICE_TEXT = 80;

export const noticeChoiceSchema: z.ZodType<NoticeChoice> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('text'),
    text: z
      .string()
      .trim()
      .min(1, 'The notice text is empty: write a line, or choose no notice.')
      .max(MAX_NOTICE_TEXT, `The notice is one line of at most ${MAX_NOTICE_TEXT} characters.`)
      .refine((text) => !/[\r\n]/.test(text), 'The notice is one line: it cannot hold a line break.'),
  }),
]);
