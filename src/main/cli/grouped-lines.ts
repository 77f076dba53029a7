/**
 * Long lists in the summary, bounded: entries with the same reason are one line with a count and a few
 * examples, and at most a few reasons are listed, so 100,000 boxes naming an unknown image print a dozen
 * lines, not 100,000 (every entry is still in the --report file).
 */

export interface ListedEntry {
  origin: string;
  reason?: string;
}

/** Reasons listed before "... and N more"; examples shown under a reason shared by several entries. */
export const LISTED_REASONS = 10;
export const EXAMPLES = 3;

function groups(entries: readonly ListedEntry[]): Map<string, string[]> {
  const byReason = new Map<string, string[]>();
  for (const { origin, reason } of entries) {
    const key = reason ?? '';
    const origins = byReason.get(key);
    if (origins) origins.push(origin);
    else byReason.set(key, [origin]);
  }
  return byReason;
}

/** The lines (indented by two spaces) for the entries, grouped by reason and bounded. */
export function groupedLines(entries: readonly ListedEntry[], noun = 'boxes'): string[] {
  const lines: string[] = [];
  let listed = 0;
  for (const [reason, origins] of [...groups(entries)].slice(0, LISTED_REASONS)) {
    listed += origins.length;
    const suffix = reason === '' ? '' : `: ${reason}`;
    if (origins.length === 1) {
      lines.push(`  ${origins[0] ?? ''}${suffix}`);
      continue;
    }
    lines.push(`  ${origins.length} ${noun}${suffix}`);
    for (const origin of origins.slice(0, EXAMPLES)) lines.push(`    ${origin}`);
    if (origins.length > EXAMPLES) lines.push(`    ... and ${origins.length - EXAMPLES} more`);
  }
  if (listed < entries.length)
    lines.push(`  ... and ${entries.length - listed} more for other reasons (see --report for all)`);
  return lines;
}
