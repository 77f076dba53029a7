/** The side panel of the viewer: the series' boxes, the selected box's inspector, labels, box files. */
import { useMemo, useState } from 'react';
import { labelGroups, unlabelledBoxIds, type EditableBox } from '../../../shared/editor';
import type { SeriesEntry } from '../../../shared/ipc/library';
import { withFileAlgorithm } from '../../../shared/findings/file-algorithms';
import { BoxFiles } from './BoxFiles';
import { FindingFiles } from './FindingFiles';
import { BoxInspector } from './BoxInspector';
import { BoxList } from './BoxList';
import { LabelList } from './LabelList';
import { MinScoreField } from './MinScoreField';
import { OutlineChoice } from './OutlineChoice';
import { planCopy } from './box-copy';
import './box-panel.css';
import { boxesOfSeries, editorSlice, folderImages } from './series-boxes';
import type { BoxEditor } from './use-box-editor';

const NO_BOXES: readonly EditableBox[] = [];

interface Props {
  editor: BoxEditor;
  series: SeriesEntry;
  allSeries: readonly SeriesEntry[];
  onGoto(index: number): void;
}

export function BoxPanel({ editor, series, allSeries, onGoto }: Props) {
  const { entry, selected } = editor;
  const boxes: readonly EditableBox[] = entry?.editor.document.boxes ?? NO_BOXES;
  // Each is a pass over the series (1,000 slices and more): made once per series or boxes, not per slice
  // shown, so scrolling through the series costs no work proportional to its length here.
  const listed = useMemo(() => boxesOfSeries(boxes, series), [boxes, series]);
  const selectedIndex = selected ? listed.find((l) => l.box.id === selected.id)?.index : undefined;
  const ordered = useMemo(() => series.slices.map(editorSlice), [series]);
  const images = useMemo(() => folderImages(allSeries, series.folder), [allSeries, series.folder]);
  const settings = entry?.settings;
  const [copyNote, setCopyNote] = useState<string | undefined>(undefined);
  // Labels the canvas and the export leave out (no room without covering another finding), marked on the box.
  const unlabelled = useMemo(
    () =>
      unlabelledBoxIds(
        listed.map((l) => l.box),
        { columns: series.columns, rows: series.rows },
        {
          labels: settings?.labels ?? false,
          outline: settings?.outline,
          minScore: settings?.minScore,
          hiddenLabels: settings?.hiddenLabels,
        },
      ),
    [
      listed,
      series.columns,
      series.rows,
      settings?.labels,
      settings?.outline,
      settings?.minScore,
      settings?.hiddenLabels,
    ],
  );
  return (
    <aside className="box-panel" aria-label="Boxes">
      <h2>Boxes</h2>
      {/* Import first: its report and questions show right where the import was started. */}
      <BoxFiles
        folder={series.folder}
        boxes={boxes}
        images={images}
        style={{ color: settings?.color ?? [255, 0, 0], thickness: settings?.thickness ?? 4 }}
        onImport={(imported, replace) =>
          editor.commit({ kind: 'import', boxes: imported, ...(replace ? { replace } : {}) })
        }
        onFiles={(files) =>
          editor.setSettings({
            findingFiles: files.reduce(withFileAlgorithm, settings?.findingFiles ?? []),
          })
        }
      />
      <FindingFiles
        files={settings?.findingFiles ?? []}
        onChange={(findingFiles) => editor.setSettings({ findingFiles })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={settings?.labels ?? false}
          disabled={!settings}
          onChange={(event) => editor.setSettings({ labels: event.target.checked })}
        />
        Show labels
      </label>
      <OutlineChoice
        value={settings?.outline ?? 'outside'}
        disabled={!settings}
        onChange={(outline) => editor.setSettings({ outline })}
      />
      <MinScoreField
        value={settings?.minScore}
        disabled={!settings}
        onChange={(minScore) => editor.setSettings({ minScore })}
      />
      <LabelList
        groups={labelGroups(listed)}
        hidden={settings?.hiddenLabels ?? []}
        onToggle={(label, shown) => {
          const others = (settings?.hiddenLabels ?? []).filter((l) => l !== label);
          editor.setSettings({ hiddenLabels: shown ? others : [...others, label] });
        }}
      />
      <BoxList
        listed={listed}
        hiddenLabels={settings?.hiddenLabels}
        selectedId={selected?.id}
        minScore={settings?.minScore}
        unlabelled={unlabelled}
        onPick={(picked) => {
          setCopyNote(undefined);
          editor.select(picked.box.id);
          onGoto(picked.index);
        }}
      />
      {selected && selectedIndex !== undefined ? (
        <BoxInspector
          key={selected.id}
          box={selected}
          labelNotDrawn={unlabelled.has(selected.id)}
          index={selectedIndex}
          sliceCount={series.slices.length}
          onStyle={(patch) => editor.commit({ kind: 'set-style', ids: [selected.id], ...patch })}
          onDelete={() => editor.commit({ kind: 'delete', ids: [selected.id] })}
          onCopy={(from, to) => {
            const plan = planCopy(selected, boxes, ordered, from, to);
            editor.commit({ kind: 'copy-to-slices', id: selected.id, targets: plan.targets });
            setCopyNote(plan.note);
            // The view always shows the selected box. A copy to the next or previous slice is selected and
            // followed, so it can be checked and copied on; after a range copy the source stays selected
            // and shown (the editor would otherwise select the last copy, on a slice not shown).
            const [only] = plan.created;
            if (from === to && only !== undefined) onGoto(only);
            else {
              editor.select(selected.id);
              onGoto(selectedIndex);
            }
          }}
        />
      ) : listed.length > 0 ? (
        <p className="box-empty">No box selected on this slice.</p>
      ) : null}
      {copyNote ? (
        <p className="import-report" role="status">
          {copyNote}
        </p>
      ) : null}
    </aside>
  );
}
