/** The opened folders with their full paths, each with a button that closes it (removes it from the library). */
import type { ScanProgress } from '../../../shared/ipc/library';
import { getApi } from '../../lib/api';
import { baseName } from './library-select';

export function OpenedFolders({ scans }: { scans: readonly ScanProgress[] }) {
  if (scans.length === 0) return null;
  return (
    <section className="opened-folders" aria-labelledby="opened-folders-title">
      <h2 id="opened-folders-title">Folders</h2>
      <ul aria-label="Opened folders">
        {scans.map((scan) => (
          <li key={scan.libraryId}>
            <code className="folder-path" title={scan.folder}>
              {scan.folder}
            </code>
            <button
              type="button"
              className="link-button"
              aria-label={`Close folder ${baseName(scan.folder)}`}
              onClick={() => void getApi().invoke('library:close', { libraryId: scan.libraryId })}
            >
              Close
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
