/** How an export ended: the count, every skipped or failed file with its reason, and where the files are. */
import { useState } from 'react';
import type { ExportProgress } from '../../../shared/ipc/export';
import { getApi } from '../../lib/api';

type Ended = Extract<ExportProgress, { state: 'completed' | 'cancelled' }>;

export function ExportResult({ result, canReveal }: { result: Ended; canReveal: boolean }) {
  const [note, setNote] = useState<string | undefined>(undefined);
  const problems = [
    ...result.failed.map((p) => ({ ...p, kind: 'Failed' })),
    ...result.skipped.map((p) => ({ ...p, kind: 'Skipped' })),
  ];
  const reveal = async (): Promise<void> => {
    if (canReveal) {
      const answer = await getApi().invoke('export:reveal', { path: result.outDir });
      if (answer.ok && answer.value.revealed) return;
    }
    try {
      await navigator.clipboard.writeText(result.outDir);
      setNote('The folder path was copied to the clipboard.');
    } catch {
      setNote('Select the path above and copy it.');
    }
  };
  return (
    <div className="export-result" role="status">
      <p className="export-summary">
        {result.state === 'cancelled' ? 'Cancelled: exported' : 'Exported'} {result.converted} image
        {result.converted === 1 ? '' : 's'}
        {result.skippedCount > 0 ? `, ${result.skippedCount} skipped` : ''}
        {result.failedCount > 0 ? `, ${result.failedCount} failed` : ''}.
      </p>
      <p>
        Output folder: <code data-testid="export-out">{result.outDir}</code>
      </p>
      {result.notes !== undefined && result.notes.length > 0 ? (
        <ul className="export-notes" aria-label="Notes">
          {result.notes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {result.unmatchedBoxes > 0 ? (
        <p>{result.unmatchedBoxes} box(es) named no exported image and were not drawn.</p>
      ) : null}
      {result.unstoppable !== undefined && result.unstoppable.length > 0 ? (
        <div className="export-stuck" role="alert">
          <p>
            {result.unstoppable.length === 1
              ? 'The converter thread of this file could not be stopped:'
              : `The converter threads of these ${result.unstoppable.length} files could not be stopped:`}
          </p>
          <ul aria-label="Threads that could not be stopped">
            {result.unstoppable.map((p) => (
              <li key={p.input}>
                <code>{p.input}</code>: {p.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.twins !== undefined && result.twins.length > 0 ? (
        <ul className="export-twins" aria-label="Presentation states and reports">
          {result.twins.map((t) => (
            <li key={t.output}>
              <strong>
                {t.status === 'written' ? 'Wrote' : t.status === 'skipped' ? 'Kept' : 'Failed'} {t.kind}
              </strong>{' '}
              <code>{t.output}</code>: {t.detail}
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > 0 ? (
        <ul className="export-problems" aria-label="Files not exported">
          {problems.map((p) => (
            <li key={`${p.kind}|${p.input}`}>
              <strong>{p.kind}</strong> <code>{p.input}</code>: {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={() => void reveal()}>
        {canReveal ? 'Reveal output folder' : 'Copy output folder path'}
      </button>
      {note ? <p className="muted">{note}</p> : null}
    </div>
  );
}
