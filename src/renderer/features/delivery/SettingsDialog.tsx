/**
 * Settings: the reviewer (one DICOM person name for every folder's verdicts), and the PACS destinations, the same list as `dicom-ink destinations add|list|remove`, each with
 * Test (C-ECHO for a DICOM node, a QIDO-RS query for DICOMweb) and Remove.
 */
import './delivery.css';
import { useState } from 'react';
import type { DestinationTestResult } from '../../../shared/ipc/delivery';
import { getApi } from '../../lib/api';
import { ReviewerField } from '../review/ReviewerField';
import { DestinationForm } from './DestinationForm';
import { useDestinations } from './use-destinations';

type TestState = { pending: true } | { pending: false; result: DestinationTestResult } | { error: string };

function testText(state: TestState): string {
  if ('error' in state) return state.error;
  if (state.pending) return 'Testing…';
  const { result } = state;
  return result.ok ? `Test succeeded: ${result.detail} (${result.ms} ms).` : `Test failed: ${result.reason}.`;
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const destinations = useDestinations();
  const [tests, setTests] = useState<Record<string, TestState>>({});
  const [error, setError] = useState<string | undefined>(undefined);

  const test = async (name: string): Promise<void> => {
    setTests((all) => ({ ...all, [name]: { pending: true } }));
    const answer = await getApi().invoke('destinations:test', { to: name });
    setTests((all) => ({
      ...all,
      [name]: answer.ok ? { pending: false, result: answer.value } : { error: answer.error },
    }));
  };
  const remove = async (name: string): Promise<void> => {
    const answer = await getApi().invoke('destinations:remove', { name });
    setError(answer.ok ? undefined : answer.error);
    setTests(({ [name]: _gone, ...rest }) => rest);
    await destinations.reload();
  };

  return (
    <div className="modal-backdrop">
      <div
        className="dialog settings-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          event.stopPropagation();
        }}
      >
        <h2 id="settings-title">Settings</h2>
        <section aria-labelledby="reviewer-title">
          <h3 id="reviewer-title">Reviewer</h3>
          <p className="muted">
            Who gives the review verdicts, as a DICOM person name (FAMILY^GIVEN): recorded with each verdict
            and named in the exported report, for every folder.
          </p>
          <ReviewerField />
        </section>
        <section aria-labelledby="destinations-title">
          <h3 id="destinations-title">PACS destinations</h3>
          <p className="muted">
            Where “Send to PACS” can send. Saved in <code>{destinations.file}</code>, the same list as{' '}
            <code>dicom-ink destinations</code>; passwords and tokens are kept there and never shown.
          </p>
          {destinations.error ? (
            <p className="dialog-error" role="alert">
              {destinations.error}
            </p>
          ) : null}
          {destinations.list.length === 0 ? <p className="muted">No destinations saved yet.</p> : null}
          <ul className="destination-list" aria-label="Saved destinations">
            {destinations.list.map((d) => {
              const state = tests[d.name];
              const failed =
                state !== undefined && ('error' in state || (!state.pending && !state.result.ok));
              return (
                <li key={d.name} aria-label={d.name}>
                  <div className="destination-row">
                    <strong>{d.name}</strong>
                    <code className="destination-description">{d.description}</code>
                    <button
                      type="button"
                      disabled={state !== undefined && 'pending' in state && state.pending}
                      onClick={() => void test(d.name)}
                    >
                      Test
                    </button>
                    <button type="button" className="danger" onClick={() => void remove(d.name)}>
                      Remove
                    </button>
                  </div>
                  {d.invalid ? <p className="dialog-error">This entry cannot be used: {d.invalid}.</p> : null}
                  {state ? (
                    <p className={failed ? 'test-result test-failed' : 'test-result test-ok'} role="status">
                      {testText(state)}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {error ? (
            <p className="dialog-error" role="alert">
              {error}
            </p>
          ) : null}
          <DestinationForm onAdded={() => void destinations.reload()} />
        </section>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
