import { describe, expect, it } from 'vitest';
import { parseRequest, parseResponse } from '../../../src/shared/ipc/validate';

describe('image:load request ids and image:cancel', () => {
  it('accepts a positive integer request id on image:load and leaves it optional', () => {
    expect(parseRequest('image:load', { path: '/data/a.dcm', frame: 2, requestId: 17 })).toEqual({
      ok: true,
      value: { path: '/data/a.dcm', frame: 2, requestId: 17 },
    });
    expect(parseRequest('image:load', { path: '/data/a.dcm', frame: 2 }).ok).toBe(true);
  });

  it('refuses request ids that are not positive safe integers, on both channels', () => {
    for (const requestId of [0, -1, 1.5, '7', null, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) {
      const load = parseRequest('image:load', { path: '/data/a.dcm', frame: 0, requestId });
      expect(load.ok ? '' : load.error).toMatch(/requestId/);
      const cancel = parseRequest('image:cancel', { requestId });
      expect(cancel.ok ? '' : cancel.error).toMatch(/requestId/);
    }
    expect(parseRequest('image:cancel', { requestId: Number.MAX_SAFE_INTEGER }).ok).toBe(true);
  });

  it('refuses an image:cancel without an id or with extra keys', () => {
    expect(parseRequest('image:cancel', {}).ok).toBe(false);
    expect(parseRequest('image:cancel', { requestId: 3, caller: 'electron:1' }).ok).toBe(false);
    expect(parseRequest('image:cancel', { requestId: 3 })).toEqual({ ok: true, value: { requestId: 3 } });
  });

  it('answers a cancelled load with exactly { cancelled: true }', () => {
    expect(parseResponse('image:load', { cancelled: true })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(parseResponse('image:load', { cancelled: false }).ok).toBe(false);
    expect(parseResponse('image:load', { cancelled: true, bytes: new Uint8Array(2) }).ok).toBe(false);
    expect(parseResponse('image:cancel', { cancelled: false })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});
