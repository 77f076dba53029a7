/**
 * The box editor for the viewer: state per opened folder (box-state.ts), its session, the boxes of the
 * slice shown (with the live draft while dragging) and what the canvas burns in.
 */
import { useCallback, useEffect, useMemo, useReducer } from 'react';
import {
  boxesOnSlice,
  canRedo,
  canUndo,
  findBox,
  labelShown,
  toBurnBox,
  type Edit,
  type EditableBox,
  type ImageBounds,
  type Viewport,
} from '../../../shared/editor';
import { passesMinScore } from '../../../shared/boxes/min-score';
import { noticeText, type NoticeChoice } from '../../../shared/boxes/notice';
import { exportAlgorithm, filesWithFindings } from '../../../shared/findings/file-algorithms';
import { isShown } from '../../../shared/review/review-state';
import type { SeriesEntry } from '../../../shared/ipc/library';
import type { SessionSettingsData } from '../../../shared/ipc/session';
import type { Burn } from '../viewer/render-frame';
import { DRAFT_ID } from './box-gesture';
import { boxesReducer, initialBoxesState, type FolderBoxes } from './box-state';
import { editorSlice } from './series-boxes';
import { useBoxKeys } from './use-box-keys';
import { useBoxPointer } from './use-box-pointer';
import { useBoxSession } from './use-box-session';
import { useAppReviewer } from '../review/use-app-reviewer';

const AUTO_NOTICE: NoticeChoice = { kind: 'auto' };

interface Input {
  series: SeriesEntry | undefined;
  index: number;
  viewport: Viewport;
  canvas: React.RefObject<HTMLCanvasElement | null>;
  /** why boxes cannot be drawn on the image shown (a colour image); undefined: they can */
  noDrawing?: string | undefined;
}

export function useBoxEditor({ series, index, viewport, canvas, noDrawing }: Input) {
  const [state, dispatch] = useReducer(boxesReducer, initialBoxesState);
  const { reviewer } = useAppReviewer();
  useEffect(() => dispatch({ type: 'reviewer', reviewer }), [reviewer]);
  const folder = series?.folder;
  const warning = useBoxSession(state, dispatch, folder);
  const entry: FolderBoxes | undefined = folder === undefined ? undefined : state.folders[folder];
  const librarySlice = series?.slices[index];
  const slice = librarySlice ? editorSlice(librarySlice) : undefined;
  const bounds: ImageBounds | undefined = series ? { columns: series.columns, rows: series.rows } : undefined;
  const onSlice = useMemo(
    () => (entry && slice ? boxesOnSlice(entry.editor, slice) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the slice is identified by its key and frame
    [entry?.editor, slice?.sliceKey, slice?.frame],
  );
  const commit = useCallback(
    (edit: Edit) => {
      if (folder !== undefined) dispatch({ type: 'edit', folder, edit });
    },
    [folder],
  );
  const select = useCallback((id: string | undefined) => dispatch({ type: 'select', id }), []);
  const settings = entry?.settings;
  const style = { color: settings?.color ?? [255, 0, 0], thickness: settings?.thickness ?? 4 } as const;
  const pointer = useBoxPointer({
    canvas,
    tool: noDrawing === undefined ? state.tool : 'window',
    boxes: onSlice,
    slice,
    bounds,
    viewport,
    style,
    select,
    commit,
  });

  const shown: EditableBox[] = useMemo(() => {
    const draft = pointer.draft;
    if (!draft) return onSlice;
    if (draft.id === DRAFT_ID) return [...onSlice, draft];
    return onSlice.map((b) => (b.id === draft.id ? draft : b));
  }, [onSlice, pointer.draft]);
  const labels = settings?.labels ?? false;
  const outline = settings?.outline ?? 'outside';
  const minScore = settings?.minScore;
  const hiddenLabels = settings?.hiddenLabels;
  // The box being drawn or dragged is always shown; saved boxes below the minimum score or of a hidden
  // label are not (and are not exported either).
  const findingFiles = settings?.findingFiles;
  // The AI notice chosen in the Export dialog, kept with the folder's session (auto by default, as the CLI).
  const notice: NoticeChoice = settings?.notice ?? AUTO_NOTICE;
  const sliceKey = slice?.sliceKey;
  const documentBoxes = entry?.editor.document.boxes;
  // The notice as the export writes it on this image: the algorithm of the folder's findings files and
  // the review state of every finding the image shows (all its frames), as convert-file.ts reads them.
  const noticeLine = useMemo(() => {
    const imageBoxes = (documentBoxes ?? []).filter(
      (b) =>
        b.sliceKey === sliceKey && isShown(b) && passesMinScore(b, minScore) && labelShown(b, hiddenLabels),
    );
    const named = exportAlgorithm(filesWithFindings(findingFiles ?? [], documentBoxes ?? []));
    // As burned (toBurnBox): a box the reader drew is the reader's finding, not the algorithm's.
    return noticeText(
      notice,
      named.ok ? named.algorithm : undefined,
      imageBoxes.map((box) => toBurnBox(box)),
    );
  }, [documentBoxes, sliceKey, minScore, hiddenLabels, findingFiles, notice]);
  const burn: Burn = useMemo(
    () => ({
      boxes: shown
        .filter(
          (b) =>
            b.id === pointer.draft?.id ||
            (isShown(b) && passesMinScore(b, minScore) && labelShown(b, hiddenLabels)),
        )
        .map((box) => toBurnBox(box, outline)),
      labels,
      ...(noticeLine === undefined ? {} : { notice: noticeLine }),
    }),
    [shown, labels, outline, minScore, hiddenLabels, pointer.draft?.id, noticeLine],
  );
  const selected = entry && state.selectedId ? findBox(entry.editor, state.selectedId) : undefined;
  // A command acts only on what the reader sees: a box selected on another slice counts as no selection
  // here (not in the inspector, not for Delete), and is selected again when its slice is shown.
  const selectedShown =
    selected && slice && selected.sliceKey === slice.sliceKey && selected.frame === slice.frame
      ? (shown.find((b) => b.id === selected.id) ?? selected)
      : undefined;

  useBoxKeys({
    toggleDraw: () => {
      if (noDrawing === undefined)
        dispatch({ type: 'tool', tool: state.tool === 'draw' ? 'window' : 'draw' });
    },
    deleteSelected: () => {
      if (selectedShown) commit({ kind: 'delete', ids: [selectedShown.id] });
    },
    undo: () => folder !== undefined && dispatch({ type: 'undo', folder }),
    redo: () => folder !== undefined && dispatch({ type: 'redo', folder }),
    escape: () => {
      dispatch({ type: 'tool', tool: 'window' });
      select(undefined);
    },
  });

  const setSettings = useCallback(
    (patch: Partial<SessionSettingsData>) => {
      if (folder !== undefined) dispatch({ type: 'settings', folder, patch });
    },
    [folder],
  );

  return {
    state,
    dispatch,
    folder,
    entry,
    warning,
    burn,
    /** the selected box when it lies on the slice shown; otherwise nothing is selected here */
    selected: selectedShown,
    /** the selection overlay follows the box only on the slice where it lies */
    selectedOnSlice: selectedShown,
    noDrawing,
    pointerTool: pointer.tool,
    commit,
    select,
    setSettings,
    /** every box of every opened folder ("everything open") that its folder's minimum score and labels keep */
    allBoxes: Object.values(state.folders).flatMap((f) =>
      f.editor.document.boxes.filter(
        (b) => passesMinScore(b, f.settings.minScore) && labelShown(b, f.settings.hiddenLabels),
      ),
    ),
    canUndo: entry ? canUndo(entry.editor) : false,
    canRedo: entry ? canRedo(entry.editor) : false,
  };
}

export type BoxEditor = ReturnType<typeof useBoxEditor>;
