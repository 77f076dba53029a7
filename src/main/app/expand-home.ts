/**
 * `~` and `~/...` in a typed path mean the user's home folder, as in a shell (the app's path fields are
 * typed or pasted, often copied from a terminal). `~user` is left alone: it is not ours to resolve.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export function expandHome(typed: string, home: string = homedir()): string {
  const text = typed.trim();
  if (text === '~') return home;
  if (text.startsWith('~/') || text.startsWith(`~${path.sep}`)) return path.join(home, text.slice(2));
  return typed;
}
