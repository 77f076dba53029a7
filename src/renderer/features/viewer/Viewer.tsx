/** The viewport: one canvas drawn through the shared pipeline, overlay, toolbar and help. */
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { SeriesEntry } from '../../../shared/ipc/library';
import type { ResolvedVoi, WindowSpec } from '../../../shared/pipeline/types';
import type { WindowPreset } from '../../../shared/presets';
import { labelShown, sliceMarks } from '../../../shared/editor';
import { passesMinScore } from '../../../shared/boxes/min-score';
import { BoxPanel } from '../boxes/BoxPanel';
import { boxesOfSeries, type ListedBox } from '../boxes/series-boxes';
import { ReviewPanel } from '../review/ReviewPanel';
import { centringPan } from '../review/centring';
import { BoxTools } from '../boxes/BoxTools';
import { SelectionOverlay } from '../boxes/SelectionOverlay';
import type { NoticeChoice } from '../../../shared/boxes/notice';
import { useBoxEditor } from '../boxes/use-box-editor';
import { ExportDialog } from '../export/ExportDialog';
import { filesWithFindings } from '../../../shared/findings/file-algorithms';
import { defaultOutDir, exportScopes } from '../export/export-scopes';
import { HelpPanel } from './HelpPanel';
import { Overlay } from './Overlay';
import { PresetWarning } from './PresetWarning';
import { SliceBar } from './SliceBar';
import { drawFrame, windowNumbers, type Scratch } from './render-frame';
import type { Rect } from '../../../shared/boxes/label-layout';
import { rectToScreen } from '../../../shared/editor/viewport';
import { markDrawn, sameRect, sameVoi } from './drawn-marks';
import { useSliceFrame } from './use-slice-frame';
import { useStageInput } from './use-stage-input';
import { followOpening, initialViewerState, viewerReducer, type Opening } from './viewer-state';
import { ViewerToolbar } from './ViewerToolbar';
import { useSavedWindow } from './use-saved-window';
import { useAppReviewer } from '../review/use-app-reviewer';

interface Props {
  series: SeriesEntry | undefined;
  patient: string;
  presets: readonly WindowPreset[];
  /** every series of the library (box import matches across the folder) */
  allSeries: readonly SeriesEntry[];
  /** the opened folders ("everything open") */
  folders: readonly string[];
  info: AppInfo | undefined;
}

const COLOUR_REASON =
  'A colour image is shown as stored (findings already burned in, or ultrasound): window presets, width/level and drawing apply to grayscale images only.';

function windowLabel(spec: WindowSpec, voi: ResolvedVoi | undefined): string {
  switch (spec.kind) {
    case 'preset':
      return spec.name;
    case 'custom':
      return 'Custom';
    case 'auto':
      return voi?.kind === 'window' && voi.source === 'min-max' ? 'Auto (min–max)' : 'Auto';
  }
}

export function Viewer({ series, patient, presets, allSeries, folders, info }: Props) {
  const [state, dispatch] = useReducer(viewerReducer, initialViewerState);
  /** the VOI of the frame on the canvas (it can lag the state while a slice loads); undefined: none yet */
  const [shownVoi, setShownVoi] = useState<ResolvedVoi | undefined>(undefined);
  const drawCount = useRef(0);
  const [drawError, setDrawError] = useState<string | undefined>(undefined);
  /** where the AI notice was burned on the slice shown (image pixels), for the overlay to keep off */
  const [notice, setNotice] = useState<Rect | undefined>(undefined);
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<Scratch>({});
  const numbersRef = useRef<{ center: number; width: number } | undefined>(undefined);
  const entry = useSliceFrame(series?.slices, state.index);
  const frame = entry?.state === 'ready' ? entry.value : undefined;
  const uid = series?.seriesInstanceUid;
  const sliceCount = series?.slices.length ?? 0;
  const [exporting, setExporting] = useState(false);
  // A colour image (already burned in, or ultrasound) is shown as stored: no window, nothing to draw on.
  const colour = shownVoi?.kind === 'none' ? COLOUR_REASON : undefined;
  const boxes = useBoxEditor({
    series,
    index: state.index,
    viewport: state.viewport,
    canvas,
    noDrawing: colour,
  });
  const { burn, entry: session } = boxes;
  // The export names the app-wide reviewer of Settings (a session saved before names its own).
  const reviewer = useAppReviewer().reviewer ?? session?.settings.reviewer;

  // A folder's saved window is applied once when its session arrives (unless the reader chose one
  // while it loaded); later changes are saved back.
  useSavedWindow({
    folder: boxes.folder,
    saved: session?.settings.window,
    window: state.window,
    dispatch,
    save: boxes.setSettings,
  });

  useEffect(() => {
    if (uid !== undefined) dispatch({ type: 'series', uid, sliceCount });
  }, [uid, sliceCount]);

  const fit = useCallback(() => {
    const view = stage.current;
    if (!view || !series) return;
    dispatch({
      type: 'fit',
      image: { width: series.columns, height: series.rows },
      view: { width: view.clientWidth, height: view.clientHeight },
    });
  }, [series]);

  // Keep the image fitted to the view until the user zooms or pans.
  useEffect(() => {
    const view = stage.current;
    if (!view || !state.fitted) return;
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(view);
    return () => observer.disconnect();
  }, [fit, state.fitted, uid]);

  useLayoutEffect(() => {
    const target = canvas.current;
    const shown = series?.slices[state.index];
    if (!target || !frame || !shown) return;
    const outcome = drawFrame(target, frame, state.window, scratch.current, burn);
    if (outcome.ok) {
      numbersRef.current = windowNumbers(outcome.voi);
      drawCount.current += 1;
      const placed = outcome.notice;
      setNotice((previous) => (sameRect(previous, placed) ? previous : placed));
      markDrawn(target, {
        count: drawCount.current,
        ms: outcome.ms,
        path: shown.path,
        frame: shown.frame,
        index: state.index,
        sliceCount: series.slices.length,
        ...(placed && { notice: placed }),
      });
      setDrawError(undefined);
      const voi = outcome.voi;
      setShownVoi((previous) => (sameVoi(previous, voi) ? previous : voi));
    } else setDrawError(outcome.error);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `frame` already identifies the slice drawn
  }, [frame, state.window, burn]);

  useStageInput({
    stage,
    dispatch,
    windowNumbers: numbersRef,
    presets,
    sliceCount,
    fit,
    tool: boxes.pointerTool,
  });

  // Review mode shows each finding: its slice, the box centred in the view, selected.
  const { select } = boxes;
  const showFinding = useCallback(
    (finding: ListedBox) => {
      dispatch({ type: 'goto', index: finding.index });
      select(finding.box.id);
      const view = stage.current;
      if (view) dispatch({ type: 'pan', ...centringPan(state.viewport, finding.box, view) });
    },
    [select, state.viewport],
  );

  const numbers = windowNumbers(shownVoi);
  const folderBoxes = session?.editor.document.boxes;
  const minScore = session?.settings.minScore;
  const hiddenLabels = session?.settings.hiddenLabels;
  const marks = useMemo(() => {
    if (!series || !folderBoxes) return [];
    const shownBoxes = folderBoxes.filter((b) => passesMinScore(b, minScore) && labelShown(b, hiddenLabels));
    return sliceMarks(boxesOfSeries(shownBoxes, series));
  }, [series, folderBoxes, minScore, hiddenLabels]);
  // A series opens on its first slice with a finding, or the middle. While the folder is still being
  // read the series grows, and its boxes come with the folder's session; until the reader moves, the
  // opening slice follows both (the middle of 24 slices, not of the 20 listed when it opened; the
  // finding's slice once the boxes are known). A slice the reader went to before then is kept.
  const opened = useRef(new Map<string, Opening>());
  useEffect(() => {
    if (uid === undefined || state.seriesUid !== uid) return;
    const marked = marks.map((m) => m.index);
    const now = { index: state.index, sliceCount, marked, findingsKnown: session !== undefined };
    const next = followOpening(opened.current.get(uid), now);
    if (next === undefined) return;
    opened.current.set(uid, next);
    if (next.index !== state.index) dispatch({ type: 'goto', index: next.index });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the slice shown is read, not followed: the reader's moves must not re-open it
  }, [uid, state.seriesUid, session, marks, sliceCount]);
  const { zoom, panX, panY } = state.viewport;
  const failure = entry?.state === 'failed' ? entry.error : drawError;
  return (
    <section className="viewer" aria-label="Viewer">
      <ViewerToolbar
        presets={presets}
        spec={state.window}
        numbers={numbers}
        helpOpen={state.helpOpen}
        noWindow={colour}
        onPreset={(name) => dispatch({ type: 'preset', name })}
        onAuto={() => dispatch({ type: 'auto' })}
        onCustom={(center, width) => dispatch({ type: 'custom', center, width })}
        onZoom={(factor) =>
          dispatch({
            type: 'zoom',
            factor,
            anchorX: (stage.current?.clientWidth ?? 0) / 2,
            anchorY: (stage.current?.clientHeight ?? 0) / 2,
          })
        }
        onFit={fit}
        onHelp={() => dispatch({ type: 'toggle-help' })}
      >
        <BoxTools editor={boxes} canExport={series !== undefined} onExport={() => setExporting(true)} />
      </ViewerToolbar>
      <PresetWarning spec={state.window} header={frame?.header} />
      {boxes.warning ? (
        <div className="banner" role="alert">
          {boxes.warning}
        </div>
      ) : null}
      <div className="viewer-body">
        <div
          className={`stage ${boxes.state.tool === 'draw' && colour === undefined ? 'stage-draw' : ''}`}
          ref={stage}
          tabIndex={0}
          aria-label="Image viewport: wheel or arrow keys change slice, drag changes the window"
        >
          {series ? (
            <>
              <canvas
                ref={canvas}
                className="image-canvas"
                role="img"
                // Rewritten with the slice, like data-slice, -path, -frame, -draw-count, -render-ms, when drawn (markDrawn).
                aria-label="Slice not drawn yet"
                data-window={numbers ? `${numbers.width}/${numbers.center}` : undefined}
                style={{
                  transform: `translate(${panX}px, ${panY}px) scale(${zoom})`,
                  visibility: shownVoi ? 'visible' : 'hidden',
                }}
              />
              <SelectionOverlay
                box={boxes.selectedOnSlice}
                columns={series.columns}
                rows={series.rows}
                viewport={state.viewport}
              />
              <Overlay
                series={series}
                index={state.index}
                numbers={numbers}
                windowLabel={windowLabel(state.window, shownVoi)}
                zoom={zoom}
                patient={patient}
                header={frame?.header}
                details={state.details}
                {...(notice && { avoid: rectToScreen(state.viewport, notice) })}
              />
              {entry?.state === 'loading' && !frame ? (
                <div className="stage-message">Loading slice…</div>
              ) : null}
              {failure ? (
                <div className="stage-message stage-error" role="alert">
                  {failure}
                </div>
              ) : null}
            </>
          ) : (
            <div className="stage-message">Open a folder of DICOM files to view its images.</div>
          )}
          {state.helpOpen ? <HelpPanel onClose={() => dispatch({ type: 'toggle-help' })} /> : null}
        </div>
        {series ? (
          <SliceBar
            count={series.slices.length}
            index={state.index}
            marks={marks}
            onGoto={(index) => dispatch({ type: 'goto', index })}
          />
        ) : null}
        {series ? (
          <div className="side-column">
            <ReviewPanel editor={boxes} series={series} onShow={showFinding} />
            <BoxPanel
              editor={boxes}
              series={series}
              allSeries={allSeries}
              onGoto={(index) => dispatch({ type: 'goto', index })}
            />
          </div>
        ) : null}
      </div>
      {exporting && series ? (
        <ExportDialog
          scopes={exportScopes(series, state.index, folders, boxes.allBoxes, {
            folder: filesWithFindings(
              session?.settings.findingFiles ?? [],
              session?.editor.document.boxes ?? [],
            ),
            all: Object.values(boxes.state.folders).flatMap((f) =>
              filesWithFindings(f.settings.findingFiles ?? [], f.editor.document.boxes),
            ),
          })}
          notice={session?.settings.notice ?? { kind: 'auto' }}
          onNotice={(notice: NoticeChoice) => boxes.setSettings({ notice })}
          currentWindow={state.window}
          presets={presets}
          thickness={session?.settings.thickness ?? 4}
          outline={session?.settings.outline ?? 'outside'}
          labels={session?.settings.labels ?? false}
          defaultOutDir={defaultOutDir(series.folder, info)}
          canPickFolder={info?.canPickFolder ?? false}
          {...(reviewer !== undefined ? { reviewer } : {})}
          notCtSeries={allSeries
            .filter((s) => s.modality.trim().toUpperCase() !== 'CT')
            .map((s) => `${s.modality || 'no modality'} · ${s.description || 'series without description'}`)}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </section>
  );
}
