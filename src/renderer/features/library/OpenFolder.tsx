/**
 * Opening folders: a native dialog in Electron, a typed or pasted path everywhere (browser mode has no
 * dialog that can reveal a path). Errors are shown as main words them.
 */
import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { getApi } from '../../lib/api';

export function OpenFolder({
  info,
  onError,
  onOpened,
}: {
  info: AppInfo | undefined;
  onError(message: string | undefined): void;
  /** the library id of the folder just opened (or joined), so the app can show it */
  onOpened(libraryId: string): void;
}) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);

  const open = async (folder: string): Promise<void> => {
    setBusy(true);
    const result = await getApi().invoke('library:open', { folder });
    setBusy(false);
    if (result.ok) {
      onError(undefined);
      onOpened(result.value.libraryId);
      setPath('');
    } else onError(result.error);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() !== '') void open(path.trim());
    else onError('Type or paste the path of a folder first.');
  };

  const pick = async (): Promise<void> => {
    const chosen = await getApi().invoke('library:pick-folder', {});
    if (!chosen.ok) return onError(chosen.error);
    if (chosen.value.folder) await open(chosen.value.folder);
  };

  return (
    <form className="open-folder" onSubmit={submit} aria-label="Open a folder">
      {info?.canPickFolder ? (
        <button type="button" className="primary" onClick={() => void pick()} disabled={busy}>
          Open folder…
        </button>
      ) : null}
      <input
        type="text"
        aria-label="Folder path"
        placeholder={
          info?.canPickFolder ? 'or paste a folder path' : 'Paste a folder path, e.g. /data/ct-study'
        }
        value={path}
        spellCheck={false}
        onChange={(event) => setPath(event.target.value)}
      />
      <button type="submit" className={info?.canPickFolder ? '' : 'primary'} disabled={busy}>
        {info?.canPickFolder ? 'Open path' : 'Open folder'}
      </button>
    </form>
  );
}
