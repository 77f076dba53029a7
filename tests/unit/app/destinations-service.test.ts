/**
 * Settings' destinations are the CLI's destinations.json: added, listed without their secrets, removed,
 * and tested (C-ECHO to a closed port fails in words; a name that is not saved is said so).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDestinationsService } from '../../../src/main/app/services/destinations-service';
import { loadDestinations } from '../../../src/main/delivery/destinations-store';
import { parseRequest } from '../../../src/shared/ipc/validate';
import { freePort } from '../../helpers/orthanc';

const work = mkdtempSync(path.join(tmpdir(), 'dicom-ink-destinations-service-'));
const file = path.join(work, 'config', 'destinations.json');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('destinations service', () => {
  it('adds to the CLI’s file (mode 0600) and lists descriptions, never a password or token', async () => {
    const service = createDestinationsService({ file });
    const added = await service.add({ name: 'web', url: 'https://reader:s3cret@pacs.example/dicom-web' });
    expect(added).toEqual({
      ok: true,
      value: {
        destination: { name: 'web', description: 'https://pacs.example/dicom-web (basic auth as reader)' },
      },
    });
    await service.add({ name: 'bearer', url: 'https://pacs.example/dicom-web', token: 'tok-123' });
    await service.add({ name: 'node', url: 'dicom://PACS@10.0.0.5:104', callingAe: 'INKAPP' });
    const listed = await service.list();
    expect(listed).toEqual({
      ok: true,
      value: {
        file,
        destinations: [
          { name: 'web', description: 'https://pacs.example/dicom-web (basic auth as reader)' },
          { name: 'bearer', description: 'https://pacs.example/dicom-web (bearer token)' },
          { name: 'node', description: 'dicom://PACS@10.0.0.5:104 (calling AE INKAPP)' },
        ],
      },
    });
    expect(JSON.stringify(listed)).not.toMatch(/s3cret|tok-123/);
    // The CLI reads the same entries, secrets included.
    const saved = await loadDestinations(file);
    expect(saved.ok && saved.value.map((d) => d.token ?? d.url)).toEqual([
      'https://reader:s3cret@pacs.example/dicom-web',
      'tok-123',
      'dicom://PACS@10.0.0.5:104',
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a bad name or URL in words and leaves the file as it was', async () => {
    const service = createDestinationsService({ file });
    const before = readFileSync(file, 'utf8');
    const badName = await service.add({ name: 'my pacs', url: 'dicom://PACS@host:104' });
    expect(badName.ok ? '' : badName.error).toBe(
      'Not saved: "my pacs" is not a destination name: use letters, digits, ".", "_" or "-".',
    );
    const badUrl = await service.add({ name: 'x', url: 'ftp://user:pw@host/' });
    expect(badUrl.ok ? '' : badUrl.error).toMatch(/^Not saved: "ftp:" destinations are not supported/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('tests a saved name or a URL: a closed port and an unknown name fail in words', async () => {
    const service = createDestinationsService({ file, echoTimeoutMs: 5_000 });
    const port = await freePort();
    await service.add({ name: 'closed', url: `dicom://NOBODY@127.0.0.1:${port}` });
    const byName = await service.test('closed');
    expect(byName.ok && byName.value).toMatchObject({
      ok: false,
      target: `dicom://NOBODY@127.0.0.1:${port} (calling AE DICOMINK)`,
      reason: `connection refused: nothing is listening on 127.0.0.1:${port}`,
    });
    const byUrl = await service.test(`http://127.0.0.1:${port}/dicom-web`);
    expect(byUrl.ok && byUrl.value).toMatchObject({
      ok: false,
      reason: `connection refused: nothing is listening at http://127.0.0.1:${port}/dicom-web`,
    });
    const unknown = await service.test('nope');
    expect(unknown.ok && !unknown.value.ok && unknown.value.reason).toMatch(
      /^"nope" is neither a saved destination nor a URL \(saved destinations: web, bearer, node, closed\)/,
    );
  });

  it('removes by name; removing a name that is not saved says so', async () => {
    const service = createDestinationsService({ file });
    expect(await service.remove('bearer')).toEqual({ ok: true, value: { removed: 'bearer' } });
    const again = await service.remove('bearer');
    expect(again.ok ? '' : again.error).toMatch(/^Not removed: there is no destination named "bearer"/);
    const listed = await service.list();
    expect(listed.ok && listed.value.destinations.map((d) => d.name)).toEqual(['web', 'node', 'closed']);
  });

  it('a corrupt file is an error, not an empty list', async () => {
    const broken = path.join(work, 'broken.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(broken, '{ not json'));
    const listed = await createDestinationsService({ file: broken }).list();
    expect(listed.ok ? '' : listed.error).toMatch(
      /^The saved destinations cannot be read: .* is not valid JSON/,
    );
  });
});

describe('IPC validation of the destination and delivery channels', () => {
  it('refuses unknown keys, empty names and control characters; accepts a name or URL to send to', () => {
    expect(parseRequest('destinations:add', { name: 'a', url: 'dicom://A@h:1' }).ok).toBe(true);
    expect(parseRequest('destinations:add', { name: 'a', url: 'dicom://A@h:1', extra: 1 }).ok).toBe(false);
    expect(parseRequest('destinations:add', { name: ' ', url: 'dicom://A@h:1' }).ok).toBe(false);
    expect(parseRequest('destinations:add', { name: 'a', url: 'dicom://A@h:1\n' }).ok).toBe(true);
    expect(parseRequest('destinations:add', { name: 'a', url: 'dicom://A@h:1\nx' }).ok).toBe(false);
    expect(parseRequest('destinations:add', { name: 'a', url: 'x', callingAe: 'A'.repeat(17) }).ok).toBe(
      false,
    );
    expect(parseRequest('destinations:test', { to: 'orthanc' }).ok).toBe(true);
    expect(parseRequest('delivery:send', { jobId: 'export-1', to: 'orthanc' }).ok).toBe(true);
    expect(parseRequest('delivery:send', { to: 'orthanc' }).ok).toBe(false);
    expect(parseRequest('delivery:send', { jobId: 'export-1', to: '' }).ok).toBe(false);
    expect(parseRequest('delivery:cancel', { deliveryId: 'send-1' }).ok).toBe(true);
  });
});
