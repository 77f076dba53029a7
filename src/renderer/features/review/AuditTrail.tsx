/** The audit trail of one finding: who changed what, when (before -> after). */
import type { AuditEntry, FindingSnapshot } from '../../../shared/review/audit';

function place(shot: FindingSnapshot): string {
  const label = shot.label === undefined ? '' : ` "${shot.label}"`;
  return `${shot.review} (${shot.x1},${shot.y1})–(${shot.x2},${shot.y2})${label}`;
}

export function AuditTrail({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ol className="audit-trail" aria-label="Audit trail">
      {entries.map((entry, i) => (
        <li key={i}>
          <time dateTime={entry.when}>{new Date(entry.when).toLocaleString()}</time>{' '}
          {entry.who || 'no reviewer'}: {entry.action} — {place(entry.before)} → {place(entry.after)}
        </li>
      ))}
    </ol>
  );
}
