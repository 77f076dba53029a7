/**
 * The engine's per-instance outcomes (src/main/delivery/outcome.ts) in the form the app's result lists:
 * a kind, the PACS's meaning and status code, and the file relative to the output folder.
 */
import path from 'node:path';
import type { DeliveryReport } from '../../delivery/deliver';
import type { DeliveryOutcome } from '../../delivery/outcome';
import { hex4 } from '../../delivery/outcome';
import type { DeliveryCounts, ListedOutcome } from '../../../shared/ipc/delivery';
import { MAX_LISTED_OUTCOMES } from '../../../shared/ipc/delivery';

/** `study/IM0001` inside the output folder; the whole path for a file elsewhere. */
export function shownPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** A DIMSE status as `0xA900`; an HTTP status is already named in the meaning (`HTTP 404 ...`). */
function codeText(code: number | undefined, meaning: string | undefined): string | undefined {
  if (code === undefined || meaning?.startsWith('HTTP')) return undefined;
  return hex4(code);
}

export function listedOutcome(outcome: DeliveryOutcome, root: string): ListedOutcome {
  const file = shownPath(outcome.file, root);
  switch (outcome.status) {
    case 'delivered': {
      const kind = outcome.detail === 'success' ? 'delivered' : outcome.detail;
      const code = kind === 'delivered' ? undefined : codeText(outcome.code, outcome.meaning);
      return {
        file,
        kind,
        ...(outcome.meaning !== undefined ? { meaning: outcome.meaning } : {}),
        ...(code !== undefined ? { code } : {}),
        attempts: outcome.attempts,
      };
    }
    case 'failed': {
      const code = codeText(outcome.code, outcome.meaning);
      return {
        file,
        kind: 'failed',
        meaning: outcome.meaning,
        ...(code !== undefined ? { code } : {}),
        transient: outcome.transient,
        attempts: outcome.attempts,
      };
    }
    case 'not-sent':
      return { file, kind: 'not-sent', meaning: outcome.reason, attempts: outcome.attempts };
    case 'skipped':
      return { file, kind: 'skipped', meaning: outcome.reason };
  }
}

export function deliveryCounts(outcomes: readonly DeliveryOutcome[]): DeliveryCounts {
  const count = (status: DeliveryOutcome['status']): number =>
    outcomes.filter((o) => o.status === status).length;
  return {
    delivered: count('delivered'),
    failed: count('failed'),
    notSent: count('not-sent'),
    skipped: count('skipped'),
  };
}

const byName = new Intl.Collator('en', { numeric: true });

/**
 * The outcomes the result lists, problems first (failed, not sent, warnings), each group by file name
 * (IM2 before IM10), at most MAX_LISTED_OUTCOMES of them; the counts stay exact.
 */
export function listedOutcomes(report: DeliveryReport, root: string): ListedOutcome[] {
  const rank = (o: ListedOutcome): number =>
    o.kind === 'failed' ? 0 : o.kind === 'not-sent' ? 1 : o.kind === 'warning' ? 2 : 3;
  return report.outcomes
    .map((o) => listedOutcome(o, root))
    .sort((a, b) => rank(a) - rank(b) || byName.compare(a.file, b.file))
    .slice(0, MAX_LISTED_OUTCOMES);
}
