/**
 * The Export dialog: what (scope), how (window, outline, labels), where (output folder), then the running
 * job's progress with Cancel, then the result. The job runs in main on the engine's worker pool.
 */
import { useEffect, useState } from 'react';
import type { OutlinePlacement } from '../../../shared/boxes/model';
import type { ExportProgress, ExportTwin } from '../../../shared/ipc/export';
import type { WindowSpec } from '../../../shared/pipeline/types';
import type { WindowPreset } from '../../../shared/presets';
import { ProgressBar } from '../../components/ProgressBar';
import { getApi } from '../../lib/api';
import { ExportDeliveries } from '../delivery/ExportDeliveries';
import { SendChoice } from '../delivery/SendChoice';
import { OutlineChoice } from '../boxes/OutlineChoice';
import { useExportSending } from '../delivery/use-export-sending';
import { ExportResult } from './ExportResult';
import { OwnWindowChoice } from './OwnWindowChoice';
import { TwinChoice } from './TwinChoice';
import { NoticeField } from './NoticeField';
import type { NoticeChoice } from '../../../shared/boxes/notice';
import { describeAlgorithm } from '../../../shared/findings/algorithm-identity';
import { RequireReviewChoice } from '../review/RequireReviewChoice';
import { progressText } from './export-progress';
import type { ExportScope, ScopeId } from './export-scopes';

interface Props {
  scopes: readonly ExportScope[];
  currentWindow: WindowSpec;
  presets: readonly WindowPreset[];
  thickness: number;
  outline: OutlinePlacement;
  labels: boolean;
  defaultOutDir: string;
  canPickFolder: boolean;
  /** open series that are not CT ("MR · Brain"): a CT preset does not fit them */
  notCtSeries: readonly string[];
  /** the reader who reviewed the findings (DICOM PN), when named: the report's observer and verifier */
  reviewer?: string;
  /** the AI notice (as `convert --notice`): the viewer burns the same choice */
  notice: NoticeChoice;
  onNotice(notice: NoticeChoice): void;
  onClose(): void;
}

type WindowChoice = 'current' | 'preset' | 'own';

function windowFor(choice: WindowChoice, current: WindowSpec, preset: string): WindowSpec {
  if (choice === 'current') return current;
  if (choice === 'preset') return { kind: 'preset', name: preset };
  return { kind: 'auto' };
}

/** Which algorithm the export names (from the findings files' list in the Boxes panel). */
function algorithmLine(scope: ExportScope | undefined): string {
  if (!scope) return '';
  if (!scope.algorithm.ok) return 'Algorithm: the findings files name different ones (see Boxes).';
  const { algorithm } = scope.algorithm;
  if (algorithm === undefined)
    return 'Algorithm: none named (click a findings file in the Boxes panel to set it).';
  const maker = algorithm.manufacturer === undefined ? '' : ` by ${algorithm.manufacturer}`;
  return `Algorithm: ${describeAlgorithm(algorithm)}${maker}`;
}

export function ExportDialog(props: Props) {
  const [scope, setScope] = useState<ScopeId>('series');
  const [windowChoice, setWindowChoice] = useState<WindowChoice>('current');
  const [preset, setPreset] = useState(props.presets[0]?.name ?? '');
  const [thickness, setThickness] = useState(props.thickness);
  const [outline, setOutline] = useState(props.outline);
  const [labels, setLabels] = useState(props.labels);
  const [outDir, setOutDir] = useState(props.defaultOutDir);
  const [overwrite, setOverwrite] = useState(false);
  const [supersede, setSupersede] = useState(false);
  const [ownWhereMisfit, setOwnWhereMisfit] = useState(true);
  const [twin, setTwin] = useState<ExportTwin>('none');
  const [segBoxes, setSegBoxes] = useState(false);
  const writesSegmentation = twin === 'seg' || twin === 'all';
  const [requireReview, setRequireReview] = useState(false);
  const chosenWindow = windowFor(windowChoice, props.currentWindow, preset);
  // In "everything open", CT and other series go out together: a CT preset may not fit some of them.
  const offerOwnWindow = scope === 'everything' && chosenWindow.kind === 'preset';
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const [events, setEvents] = useState<Record<string, ExportProgress>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const sending = useExportSending();

  useEffect(
    () =>
      getApi().on('export:progress', (progress) =>
        setEvents((all) => ({ ...all, [progress.jobId]: progress })),
      ),
    [],
  );
  const progress = jobId === undefined ? undefined : events[jobId];
  const running = jobId !== undefined && (progress === undefined || progress.state === 'running');
  const shownError = progress?.state === 'failed' ? progress.reason : error;

  const start = async (): Promise<void> => {
    const chosen = props.scopes.find((s) => s.id === scope);
    if (!chosen) return;
    setError(undefined);
    if (!chosen.algorithm.ok) {
      setError(chosen.algorithm.reason);
      return;
    }
    const { algorithm } = chosen.algorithm;
    const answer = await getApi().invoke('export:start', {
      inputs: chosen.inputs,
      outDir: outDir.trim(),
      window: chosenWindow,
      thickness,
      ...(outline === 'inside' ? { outline } : {}),
      labels,
      ...(offerOwnWindow && ownWhereMisfit ? { ownWindowWherePresetMisfits: true } : {}),
      overwrite,
      boxes: chosen.boxes,
      ...(sending.sendTo !== undefined
        ? { sendTo: sending.sendTo, ...(supersede ? { supersede } : {}) }
        : {}),
      ...(twin !== 'none' ? { twin } : {}),
      ...(writesSegmentation && segBoxes ? { segBoxes: true } : {}),
      ...(props.reviewer !== undefined ? { reviewer: props.reviewer } : {}),
      ...(requireReview ? { requireReview: true } : {}),
      notice: props.notice,
      ...(algorithm === undefined ? {} : { algorithm }),
    });
    if (answer.ok) {
      setJobId(answer.value.jobId);
      sending.started(answer.value.deliveryId);
    } else setError(answer.error);
  };
  const pick = async (): Promise<void> => {
    const answer = await getApi().invoke('export:pick-folder', outDir ? { defaultPath: outDir } : {});
    if (answer.ok && answer.value.folder) setOutDir(answer.value.folder);
    else if (!answer.ok) setError(answer.error);
  };
  const ended =
    progress && (progress.state === 'completed' || progress.state === 'cancelled') ? progress : undefined;

  return (
    <div className="modal-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !running) props.onClose();
          event.stopPropagation();
        }}
      >
        <h2 id="export-title">Export</h2>
        <fieldset disabled={running}>
          <legend>What</legend>
          {props.scopes.map((s) => (
            <label key={s.id} className="choice">
              <input type="radio" name="scope" checked={scope === s.id} onChange={() => setScope(s.id)} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running}>
          <legend>Window</legend>
          <label className="choice">
            <input
              type="radio"
              name="window"
              checked={windowChoice === 'current'}
              onChange={() => setWindowChoice('current')}
            />
            Current view
          </label>
          <label className="choice">
            <input
              type="radio"
              name="window"
              checked={windowChoice === 'preset'}
              onChange={() => setWindowChoice('preset')}
            />
            Preset
          </label>
          <select
            aria-label="Preset"
            value={preset}
            disabled={windowChoice !== 'preset'}
            onChange={(event) => setPreset(event.target.value)}
          >
            {props.presets.map((p) => (
              <option key={p.id} value={p.name}>
                {p.name} (W {p.width} L {p.center})
              </option>
            ))}
          </select>
          <label className="choice">
            <input
              type="radio"
              name="window"
              checked={windowChoice === 'own'}
              onChange={() => setWindowChoice('own')}
            />
            Each file&apos;s own
          </label>
          {offerOwnWindow ? (
            <OwnWindowChoice
              checked={ownWhereMisfit}
              notCtSeries={props.notCtSeries}
              onChange={setOwnWhereMisfit}
            />
          ) : null}
        </fieldset>
        <fieldset disabled={running}>
          <legend>Boxes</legend>
          <label className="text-field">
            <span>Outline thickness (boxes without their own)</span>
            <input
              type="number"
              min={1}
              max={256}
              value={thickness}
              onChange={(event) => {
                const value = Math.round(Number(event.target.value));
                if (value >= 1 && value <= 256) setThickness(value);
              }}
            />
          </label>
          <OutlineChoice value={outline} onChange={setOutline} />
          <label className="choice">
            <input type="checkbox" checked={labels} onChange={(event) => setLabels(event.target.checked)} />
            Labels
          </label>
          <NoticeField value={props.notice} onChange={props.onNotice} />
          <p className="export-algorithm" data-testid="export-algorithm">
            {algorithmLine(props.scopes.find((s) => s.id === scope))}
          </p>
          <TwinChoice value={twin} onChange={setTwin} />
          {writesSegmentation ? (
            <label className="choice">
              <input
                type="checkbox"
                checked={segBoxes}
                onChange={(event) => setSegBoxes(event.target.checked)}
              />
              Boxes too (each a filled rectangle in the segmentation)
            </label>
          ) : null}
          <RequireReviewChoice checked={requireReview} onChange={setRequireReview} />
        </fieldset>
        <fieldset disabled={running}>
          <legend>Where</legend>
          <div className="out-row">
            <label className="text-field out-field">
              <span>Output folder</span>
              <input
                type="text"
                value={outDir}
                spellCheck={false}
                onChange={(event) => setOutDir(event.target.value)}
              />
            </label>
            {props.canPickFolder ? (
              <button type="button" onClick={() => void pick()}>
                Choose…
              </button>
            ) : null}
          </div>
          <label className="choice">
            <input
              type="checkbox"
              checked={overwrite}
              onChange={(event) => setOverwrite(event.target.checked)}
            />
            Replace files already there
          </label>
        </fieldset>
        <SendChoice
          list={sending.destinations}
          choice={sending.choice}
          disabled={running}
          onChange={sending.setChoice}
          supersede={supersede}
          onSupersede={setSupersede}
        />
        {shownError ? (
          <p className="dialog-error" role="alert">
            {shownError}
          </p>
        ) : null}
        {running ? (
          <div className="export-running">
            <ProgressBar
              label="Export progress"
              valueText={progress?.state === 'running' ? progressText(progress) : 'Starting…'}
              {...(progress?.state === 'running' && progress.total !== undefined
                ? { value: progress.done, max: progress.total }
                : {})}
            />
            <p data-testid="export-progress-text">
              {progress?.state === 'running' ? progressText(progress) : 'Starting…'}
            </p>
          </div>
        ) : null}
        {ended ? <ExportResult result={ended} canReveal={props.canPickFolder} /> : null}
        <ExportDeliveries sending={sending} jobId={jobId} ended={ended !== undefined} />
        <div className="dialog-actions">
          {running ? (
            <button type="button" onClick={() => jobId && void getApi().invoke('export:cancel', { jobId })}>
              Cancel export
            </button>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={outDir.trim() === '' || sending.incomplete}
                onClick={() => void start()}
              >
                {ended ? 'Export again' : 'Export'}
              </button>
              <button type="button" onClick={props.onClose}>
                Close
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
