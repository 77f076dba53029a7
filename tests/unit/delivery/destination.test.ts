/** Destinations as typed and saved (issue 10): the forms accepted, the reasons for the rest, no secret shown. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeDestination,
  destinationKey,
  parseDestinationUrl,
  redactUrl,
} from '../../../src/main/delivery/destination';
import type { Destination } from '../../../src/main/delivery/destination';
import { describeNamed, resolveDestination } from '../../../src/main/delivery/destinations-store';
import { authHeaders } from '../../../src/main/delivery/web-auth';

function parsed(text: string, extra: { callingAe?: string; token?: string } = {}): Destination {
  const result = parseDestinationUrl(text, extra);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function reason(text: string, extra: { callingAe?: string } = {}): string {
  const result = parseDestinationUrl(text, extra);
  if (result.ok) throw new Error(`${text} parsed`);
  return result.reason;
}

const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-destinations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDestinationUrl', () => {
  it('reads a DICOM node with our default calling AE, or the one given', () => {
    expect(parsed('dicom://ORTHANC@localhost:4242')).toEqual({
      kind: 'dimse',
      calledAe: 'ORTHANC',
      callingAe: 'DICOMINK',
      host: 'localhost',
      port: 4242,
    });
    expect(parsed('dicom://PACS@[::1]:104', { callingAe: 'WS1' })).toMatchObject({
      host: '::1',
      callingAe: 'WS1',
    });
  });

  it('refuses a DICOM node without AE title or port, or with a bad AE title', () => {
    expect(reason('dicom://localhost:4242')).toContain('needs exactly one AE title before "@"');
    expect(reason('dicom://PACS@localhost')).toContain('needs a port');
    expect(reason('dicom://PACS@localhost:0')).toContain('needs a port');
    expect(reason('dicom://PACS@localhost:70000')).toContain('is not a destination');
    expect(reason('dicom://PACS@h:104', { callingAe: 'A_NAME_LONGER_THAN_16' })).toContain(
      '1 to 16 characters',
    );
    expect(reason('dicom://PACS@h:104', { callingAe: 'BACK\\SLASH' })).toContain('printable ASCII');
    expect(reason('ftp://h/x')).toContain('"ftp:" destinations are not supported');
  });

  it('reads a DICOMweb root without its trailing slash, with basic or bearer auth', () => {
    expect(parsed('http://localhost:8042/dicom-web/')).toEqual({
      kind: 'dicomweb',
      root: 'http://localhost:8042/dicom-web',
    });
    expect(parsed('https://ink:s%40cret@pacs.example/dicom-web')).toEqual({
      kind: 'dicomweb',
      root: 'https://pacs.example/dicom-web',
      auth: { kind: 'basic', user: 'ink', password: 's@cret' },
    });
    expect(parsed('https://pacs.example/dw', { token: 'T0KEN' })).toMatchObject({
      auth: { kind: 'bearer', token: 'T0KEN' },
    });
    expect(reason('http://h/dw?x=1')).toContain('takes no query');
  });
});

describe('secrets stay out of descriptions', () => {
  const basic = parsed('https://ink:s3cret@pacs.example/dicom-web');
  const bearer = parsed('https://pacs.example/dicom-web', { token: 'T0KEN-XYZ' });

  it('describes and keys a destination without its password or token', () => {
    for (const text of [
      describeDestination(basic),
      destinationKey(basic),
      describeDestination(bearer),
      destinationKey(bearer),
    ]) {
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('T0KEN');
    }
    expect(describeDestination(basic)).toBe('https://pacs.example/dicom-web (basic auth as ink)');
    expect(describeDestination(bearer)).toBe('https://pacs.example/dicom-web (bearer token)');
  });

  it('puts the secret only in the Authorization header', () => {
    expect(authHeaders(basic as Extract<Destination, { kind: 'dicomweb' }>)).toEqual({
      Authorization: `Basic ${Buffer.from('ink:s3cret').toString('base64')}`,
    });
    expect(authHeaders(bearer as Extract<Destination, { kind: 'dicomweb' }>)).toEqual({
      Authorization: 'Bearer T0KEN-XYZ',
    });
  });

  it('redacts a password in text that did not parse, and in a saved entry that is invalid', () => {
    expect(redactUrl('https://ink:s3cret@pacs/dw?bad')).toBe('https://ink:***@pacs/dw?bad');
    expect(reason('https://ink:s3cret@pacs/dw?q=1')).not.toContain('s3cret');
    expect(describeNamed({ name: 'x', url: 'https://ink:s3cret@pacs/dw?q=1' })).not.toContain('s3cret');
  });
});

describe('resolveDestination', () => {
  const file = join(dir, 'destinations.json');
  writeFileSync(
    file,
    JSON.stringify({
      destinations: [{ name: 'pacs', url: 'dicom://ORTHANC@127.0.0.1:4242', callingAe: 'SAVED' }],
    }),
  );

  it('takes a saved name with its calling AE, unless one is given', async () => {
    expect(await resolveDestination('pacs', {}, file)).toMatchObject({
      ok: true,
      value: { callingAe: 'SAVED' },
    });
    expect(await resolveDestination('pacs', { callingAe: 'GIVEN' }, file)).toMatchObject({
      ok: true,
      value: { callingAe: 'GIVEN' },
    });
  });

  it('names the saved destinations when the name is unknown', async () => {
    const result = await resolveDestination('nope', {}, file);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain('saved destinations: pacs');
  });
});
