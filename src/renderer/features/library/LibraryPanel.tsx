/** Patients -> studies -> series with thumbnails, scan progress, and the files that are not images. */
import { useEffect, useRef } from 'react';
import type { LibrarySnapshot, SeriesEntry } from '../../../shared/ipc/library';
import { ProgressBar } from '../../components/ProgressBar';
import { getApi } from '../../lib/api';
import { baseName, formatDicomDate } from './library-select';
import { OpenedFolders } from './OpenedFolders';
import { Thumbnail } from './Thumbnail';

interface Props {
  snapshot: LibrarySnapshot;
  selectedUid: string | undefined;
  onSelect(series: SeriesEntry): void;
}

function ScanList({ snapshot }: { snapshot: LibrarySnapshot }) {
  const running = snapshot.scans.filter((scan) => scan.state !== 'done');
  if (running.length === 0) return null;
  return (
    <div className="scans">
      {running.map((scan) => {
        const text = `${scan.filesSeen} files read, ${scan.images} images`;
        return (
          <div key={scan.libraryId} className="scan">
            <div className="scan-line">
              <span title={scan.folder}>
                {scan.state === 'scanning' ? 'Scanning' : scan.state === 'cancelled' ? 'Cancelled' : 'Failed'}{' '}
                {baseName(scan.folder)}
              </span>
              {scan.state === 'scanning' ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Cancel scan of ${baseName(scan.folder)}`}
                  onClick={() => void getApi().invoke('library:cancel', { libraryId: scan.libraryId })}
                >
                  Cancel
                </button>
              ) : null}
            </div>
            {scan.state === 'scanning' ? (
              <ProgressBar label={`Scanning ${baseName(scan.folder)}`} valueText={text} />
            ) : null}
            <div className="scan-detail">{scan.error ?? text}</div>
          </div>
        );
      })}
    </div>
  );
}

function SeriesButton({
  series,
  selected,
  onSelect,
}: {
  series: SeriesEntry;
  selected: boolean;
  onSelect(): void;
}) {
  const count = series.slices.length;
  const item = useRef<HTMLLIElement>(null);
  // The selected series is kept in view (a folder just opened may list it far down).
  useEffect(() => {
    if (selected) item.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li ref={item}>
      <button
        type="button"
        className="series"
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <Thumbnail series={series} />
        <span className="series-text">
          <span className="series-description">{series.description || 'Series without description'}</span>
          <span className="series-meta">
            {series.modality || '—'} · {count} {count === 1 ? 'image' : 'images'}
            {series.seriesNumber === undefined ? '' : ` · #${series.seriesNumber}`}
          </span>
        </span>
      </button>
    </li>
  );
}

function NonImages({ snapshot }: { snapshot: LibrarySnapshot }) {
  if (snapshot.nonImages.length === 0) return null;
  return (
    <section className="non-images" aria-labelledby="non-images-title">
      <h2 id="non-images-title">Not shown ({snapshot.nonImages.length})</h2>
      <ul aria-label="Files that are not images">
        {snapshot.nonImages.map((file) => (
          <li key={file.path} title={file.path}>
            <span className="file-name">{baseName(file.path)}</span>
            <span className={`file-kind kind-${file.kind}`}>
              {file.kind === 'error' ? 'unreadable' : file.kind}
            </span>
            <span className="file-reason">{file.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function LibraryPanel({ snapshot, selectedUid, onSelect }: Props) {
  const empty = snapshot.patients.length === 0;
  return (
    <nav className="library" aria-label="Library">
      <OpenedFolders scans={snapshot.scans} />
      <ScanList snapshot={snapshot} />
      {empty && !snapshot.scans.some((s) => s.state === 'scanning') ? (
        <p className="library-empty">No images yet. Open a folder, or drop one on the window.</p>
      ) : null}
      <ul className="patients" aria-label="Patients">
        {snapshot.patients.map((patient) => (
          <li key={patient.key} className="patient">
            <h2 className="patient-name">
              {patient.name}
              {patient.id ? <span className="patient-id"> · {patient.id}</span> : null}
            </h2>
            <ul className="studies">
              {patient.studies.map((study) => (
                <li key={study.studyInstanceUid} className="study">
                  <h3 className="study-title">
                    {study.description || 'Study'}
                    {study.date ? <span className="study-date"> · {formatDicomDate(study.date)}</span> : null}
                  </h3>
                  <ul className="series-list" aria-label={`Series of ${study.description || 'study'}`}>
                    {study.series.map((series) => (
                      <SeriesButton
                        key={series.seriesInstanceUid}
                        series={series}
                        selected={series.seriesInstanceUid === selectedUid}
                        onSelect={() => onSelect(series)}
                      />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <NonImages snapshot={snapshot} />
    </nav>
  );
}
