import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The real path of `target` (symlinks resolved) when it may not exist yet: the real path of its deepest
 * existing ancestor with the missing rest appended.
 */
export async function realPathAllowingMissing(target: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
