/**
 * Secrets kept off screens and `ps` (issue 20, point 9): a URL that does not parse is echoed without its
 * password, whatever the password holds; a token comes from a file or the environment.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDestinationUrl, redactUrl } from '../../../src/main/delivery/destination';
import { secretsFromArgs, timeoutArg } from '../../../src/main/cli/secret-args';

const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redactUrl', () => {
  it.each([
    ['http://user:s3cret@[bad/dicom-web', 'http://user:***@[bad/dicom-web'],
    ['http://user:s3/cret@host:99999/x', 'http://user:***@host:99999/x'],
    ['http://user:pa@ss@host:notaport/', 'http://user:***@host:notaport/'],
    ['https://u:p:q@host/x', 'https://u:***@host/x'],
    ['http://host/dicom-web', 'http://host/dicom-web'],
    ['dicom://AE@host:104', 'dicom://AE@host:104'],
  ])('%s -> %s', (text, shown) => {
    expect(redactUrl(text)).toBe(shown);
  });

  it('no message about an unparsable URL holds its password', () => {
    for (const text of ['http://user:s3/cret@host:99999/x', 'http://user:pa@s3cret@host:x/']) {
      const parsed = parseDestinationUrl(text);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).not.toMatch(/s3|cret/);
    }
  });
});

describe('secretsFromArgs', () => {
  it('reads the first line of --token-file, else --token, else $DICOM_INK_TOKEN; the password from $DICOM_INK_PASSWORD', async () => {
    const file = join(dir, 'token');
    writeFileSync(file, 'abc123\nignored\n');
    expect(await secretsFromArgs({ 'token-file': file }, {})).toEqual({
      ok: true,
      value: { token: 'abc123' },
    });
    expect(await secretsFromArgs({ token: 'cli' }, { DICOM_INK_TOKEN: 'env' })).toEqual({
      ok: true,
      value: { token: 'cli' },
    });
    expect(await secretsFromArgs({}, { DICOM_INK_TOKEN: 'env', DICOM_INK_PASSWORD: 'pw' })).toEqual({
      ok: true,
      value: { token: 'env', password: 'pw' },
    });
  });

  it('refuses an empty, missing or non-regular token file, and both --token and --token-file', async () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await secretsFromArgs({ 'token-file': empty }, {})).toEqual({
      ok: false,
      reason: `--token-file ${empty} is empty`,
    });
    expect(await secretsFromArgs({ 'token-file': join(dir, 'none') }, {})).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot be read (ENOENT)') as string,
    });
    expect(await secretsFromArgs({ 'token-file': fifo }, {})).toMatchObject({ ok: false });
    expect(await secretsFromArgs({ token: 'a', 'token-file': empty }, {})).toMatchObject({ ok: false });
  });

  it('a basic-auth URL naming only the user takes the password given apart', () => {
    const parsed = parseDestinationUrl('https://ink@pacs.example/dicom-web', { password: 'pw' });
    expect(parsed.ok && parsed.value).toMatchObject({ auth: { kind: 'basic', user: 'ink', password: 'pw' } });
  });
});

describe('timeoutArg', () => {
  it('takes whole seconds from 1 to 3600', () => {
    expect(timeoutArg(undefined, 30_000)).toEqual({ ok: true, value: 30_000 });
    expect(timeoutArg('5', 30_000)).toEqual({ ok: true, value: 5000 });
    expect(timeoutArg('0', 30_000).ok).toBe(false);
    expect(timeoutArg('1.5', 30_000).ok).toBe(false);
  });
});
