/**
 * Adds a named destination to the CLI's destinations.json. The URL may hold a password and the token is
 * typed in a password field: both go to main and are never shown back (the list shows descriptions).
 */
import { useState, type FormEvent } from 'react';
import type { DestinationAddRequest } from '../../../shared/ipc/delivery';
import { getApi } from '../../lib/api';

export function DestinationForm({ onAdded }: { onAdded(name: string): void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [callingAe, setCallingAe] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const request: DestinationAddRequest = {
      name: name.trim(),
      url: url.trim(),
      ...(callingAe.trim() ? { callingAe: callingAe.trim() } : {}),
      ...(token.trim() ? { token: token.trim() } : {}),
    };
    const answer = await getApi().invoke('destinations:add', request);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setError(undefined);
    setName('');
    setUrl('');
    setCallingAe('');
    setToken('');
    onAdded(answer.value.destination.name);
  };

  return (
    <form className="destination-form" aria-label="Add a destination" onSubmit={(e) => void submit(e)}>
      <label className="text-field">
        <span>Name</span>
        <input value={name} spellCheck={false} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="text-field destination-url-field">
        <span>URL</span>
        <input
          value={url}
          spellCheck={false}
          autoComplete="off"
          placeholder="dicom://AETITLE@host:port or http://host:8042/dicom-web"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label className="text-field">
        <span>Our AE title (DICOM, optional)</span>
        <input
          value={callingAe}
          maxLength={16}
          placeholder="DICOMINK"
          spellCheck={false}
          onChange={(e) => setCallingAe(e.target.value)}
        />
      </label>
      <label className="text-field">
        <span>Bearer token (DICOMweb, optional)</span>
        <input type="password" value={token} autoComplete="off" onChange={(e) => setToken(e.target.value)} />
      </label>
      <button type="submit" disabled={name.trim() === '' || url.trim() === ''}>
        Add destination
      </button>
      {error ? (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
