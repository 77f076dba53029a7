/** zod schemas of an algorithm's identity as it crosses IPC or is read from a session file. */
import { z } from 'zod';
import type { AlgorithmIdentity } from './algorithm-identity';
import { hasNonLoCharacter, MAX_ALGORITHM_FIELD, type FileAlgorithm } from './file-algorithms';

/** One LO value (PS3.5 6.2): at most 64 characters, no backslash (the value separator) or control. */
const loText = z
  .string()
  .trim()
  .min(1)
  .max(
    MAX_ALGORITHM_FIELD,
    `An algorithm's name, version or maker holds at most ${MAX_ALGORITHM_FIELD} characters.`,
  )
  .refine(
    (text) => !hasNonLoCharacter(text),
    "An algorithm's name, version or maker cannot hold a backslash or a control character.",
  );

export const algorithmSchema: z.ZodType<AlgorithmIdentity> = z.strictObject({
  name: loText,
  version: loText.optional(),
  manufacturer: loText.optional(),
});

export const partialAlgorithmSchema: z.ZodType<Partial<AlgorithmIdentity>> = z.strictObject({
  name: loText.optional(),
  version: loText.optional(),
  manufacturer: loText.optional(),
});

export const fileAlgorithmsSchema: z.ZodType<FileAlgorithm[]> = z
  .array(z.strictObject({ file: z.string().min(1).max(1024), algorithm: partialAlgorithmSchema }))
  .max(1000);
