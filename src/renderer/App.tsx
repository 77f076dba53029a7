/** Layout: top bar (open folder, status), library on the left, viewer on the right; folders can be dropped anywhere. */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import type { AppInfo } from '../shared/ipc/contract';
import type { WindowPreset } from '../shared/presets';
import { SettingsDialog } from './features/delivery/SettingsDialog';
import { OpenFolder } from './features/library/OpenFolder';
import { LibraryPanel } from './features/library/LibraryPanel';
import { firstSeriesOf, selectSeries } from './features/library/library-select';
import { useLibrary } from './features/library/use-library';
import { Viewer } from './features/viewer/Viewer';
import { getApi } from './lib/api';

export function App() {
  const [info, setInfo] = useState<AppInfo | undefined>(undefined);
  const [presets, setPresets] = useState<readonly WindowPreset[]>([]);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [selectedUid, setSelectedUid] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { snapshot, error } = useLibrary();

  useEffect(() => {
    const api = getApi();
    void api
      .invoke('app:info', {})
      .then((result) => (result.ok ? setInfo(result.value) : setMessage(result.error)));
    void api
      .invoke('presets:list', {})
      .then((result) => (result.ok ? setPresets(result.value.presets) : setMessage(result.error)));
  }, []);

  // After "Open folder", its first series is selected as soon as the scan has found one, until the user
  // picks another series.
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const openedUid = opened === undefined ? undefined : firstSeriesOf(snapshot, opened);
  const selected = selectSeries(snapshot, openedUid ?? selectedUid);
  const allSeries = useMemo(
    () => snapshot.patients.flatMap((p) => p.studies.flatMap((s) => s.series)),
    [snapshot],
  );

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const api = getApi();
    const paths = [...event.dataTransfer.files]
      .map((file) => api.pathForFile(file))
      .filter((p) => p !== undefined);
    if (paths.length === 0) {
      setMessage(
        'The browser does not tell DICOM Ink where dropped folders are: type or paste the folder path instead.',
      );
      return;
    }
    for (const folder of paths) {
      void api
        .invoke('library:open', { folder })
        .then((result) => setMessage(result.ok ? undefined : result.error));
    }
  };

  const alert = message ?? error;
  return (
    <div
      className={`app ${dragging ? 'app-dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1 className="brand">
          DICOM <span>Ink</span>
        </h1>
        <OpenFolder info={info} onError={setMessage} onOpened={setOpened} />
        <span className="transport" title="How this window talks to DICOM Ink">
          {info ? (info.transport === 'electron' ? 'Desktop' : 'Browser mode') : ''}
        </span>
        <button type="button" onClick={() => setSettingsOpen(true)}>
          Settings
        </button>
      </header>
      {settingsOpen ? <SettingsDialog onClose={() => setSettingsOpen(false)} /> : null}
      {alert ? (
        <div className="banner" role="alert">
          <span>{alert}</span>
          <button
            type="button"
            className="link-button"
            aria-label="Dismiss message"
            onClick={() => setMessage(undefined)}
          >
            Dismiss
          </button>
        </div>
      ) : null}
      <main className="workspace">
        <LibraryPanel
          snapshot={snapshot}
          selectedUid={selected?.series.seriesInstanceUid}
          onSelect={(s) => {
            setOpened(undefined);
            setSelectedUid(s.seriesInstanceUid);
          }}
        />
        <Viewer
          series={selected?.series}
          patient={selected?.patient.name ?? ''}
          presets={presets}
          allSeries={allSeries}
          folders={snapshot.scans.map((scan) => scan.folder)}
          info={info}
        />
      </main>
    </div>
  );
}
