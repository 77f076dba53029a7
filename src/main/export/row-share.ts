import { posix } from 'node:path';
import type { BoxTarget } from '../../shared/boxes/model';
import { normaliseRelativePath } from '../../shared/boxes/match';
import type { InputRoot } from '../convert/plan-inputs';
import { inShard } from '../convert/shard';
import type { Shard } from '../convert/shard';

/**
 * Which run answers for a finding row that matched no image of this run:
 * - `mine`: the image it names would be in this run's share (or the run is not sharded): a row this
 *   run did not match is unmatched, and said so (exit 3);
 * - `elsewhere`: the file it names goes to another shard, which matches it or says it is unmatched;
 * - `unknown`: the row names its image by UID (or by a path under a folder of an --inputs-from list),
 *   so which share holds it is not known before reading every input: each shard lists such rows
 *   as "not in this share", and a row that every shard lists matched no image.
 */
export type RowShare = 'mine' | 'elsewhere' | 'unknown';

export interface ShareContext {
  shard: Shard | undefined;
  roots: readonly InputRoot[];
  /** paths also come from --inputs-from, whose listed folders are mirrored under names not known here */
  listed: boolean;
}

/**
 * The output-relative paths an image named by `file` (relative to its input folder, as box files name
 * them) can have: under each named folder's mirror, and as given when files are named or listed (a
 * named file is mirrored under its own name, a listed one under its line).
 */
function outputKeys(file: string, context: ShareContext): string[] {
  const name = normaliseRelativePath(file);
  const keys = context.roots.filter((r) => r.isDirectory).map((r) => posix.join(r.outPrefix, name));
  if (context.listed || context.roots.some((r) => !r.isDirectory)) keys.push(name);
  return keys;
}

export function rowShare(target: BoxTarget, context: ShareContext): RowShare {
  const { shard } = context;
  if (!shard || shard.count === 1) return 'mine';
  if (target.kind !== 'file') return 'unknown';
  if (outputKeys(target.file, context).some((key) => inShard(key, shard))) return 'mine';
  return context.listed ? 'unknown' : 'elsewhere';
}
