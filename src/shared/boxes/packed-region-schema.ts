import { z } from 'zod';
import { packedRegionProblem, type PackedRegion } from './packed-region';

const coordinate = z.number().int().min(0).max(65_535);
const extent = z.number().int().min(1).max(65_536);

/** A PackedRegion from outside the process (a session file, an IPC message): runs must fill the window. */
export const packedRegionSchema: z.ZodType<PackedRegion> = z
  .object({
    x: coordinate,
    y: coordinate,
    width: extent,
    height: extent,
    runs: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(65_536 * 65_536),
      )
      .max(1_000_000),
  })
  .superRefine((region, context) => {
    const problem = packedRegionProblem(region);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });
