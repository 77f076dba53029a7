import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract';
import { invokeSchemas } from '../../../src/shared/ipc/schemas';
import {
  parseEvent,
  parseInvokeChannel,
  parseRequest,
  parseResponse,
  parseResult,
} from '../../../src/shared/ipc/validate';

const header = {
  sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
  sopInstanceUid: '1.2.3',
  studyInstanceUid: '1.2',
  seriesInstanceUid: '1.2.4',
  transferSyntaxUid: '1.2.840.10008.1.2.1',
  pixel: {
    rows: 2,
    columns: 2,
    samplesPerPixel: 1,
    bitsAllocated: 16,
    bitsStored: 12,
    highBit: 11,
    pixelRepresentation: 0,
    photometric: 'MONOCHROME2',
    planarConfiguration: 0,
    numberOfFrames: 1,
  },
  modalityTransform: { kind: 'rescale', slope: 1, intercept: -1024 },
  windows: [{ center: 40, width: 400, fn: 'LINEAR' }],
};

describe('IPC contract validation', () => {
  it('has a request and a response schema for every channel the preload forwards', () => {
    expect(Object.keys(invokeSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('refuses channels outside the contract, e.g. a raw Node API name', () => {
    expect(parseInvokeChannel('fs:readFile')).toEqual({ ok: false, error: 'Unknown channel "fs:readFile".' });
    expect(parseInvokeChannel('image:load')).toEqual({ ok: true, value: 'image:load' });
  });

  it('accepts a well-formed image:load request and refuses extra keys, negative frames and NUL in paths', () => {
    expect(parseRequest('image:load', { path: '/data/a.dcm', frame: 3 })).toEqual({
      ok: true,
      value: { path: '/data/a.dcm', frame: 3 },
    });
    const extra = parseRequest('image:load', { path: '/data/a.dcm', frame: 0, encoding: 'utf8' });
    expect(extra.ok).toBe(false);
    const negative = parseRequest('image:load', { path: '/data/a.dcm', frame: -1 });
    expect(negative.ok ? '' : negative.error).toMatch(/frame/);
    const nul = parseRequest('image:load', { path: '/data/a.dcm\0.png', frame: 0 });
    expect(nul.ok ? '' : nul.error).toMatch(/NUL/);
    const empty = parseRequest('library:open', { folder: '' });
    expect(empty.ok ? '' : empty.error).toMatch(/The path is empty/);
  });

  it('checks responses, including the header and frame bytes of image:load', () => {
    const bytes = new Uint8Array(8);
    const good = parseResponse('image:load', {
      header,
      photometric: 'MONOCHROME2',
      sampleType: 'uint16',
      bytes,
    });
    expect(good.ok && 'bytes' in good.value && good.value.bytes).toBe(bytes);
    const noBytes = parseResponse('image:load', {
      header,
      photometric: 'MONOCHROME2',
      sampleType: 'uint16',
      bytes: [0, 1],
    });
    expect(noBytes.ok).toBe(false);
    const badHeader = parseResponse('image:load', {
      header: { ...header, pixel: { ...header.pixel, rows: 0 } },
      photometric: 'MONOCHROME2',
      sampleType: 'uint16',
      bytes,
    });
    expect(badHeader.ok ? '' : badHeader.error).toMatch(/pixel\.rows/);
  });

  it('unwraps answer envelopes: errors pass through, values are checked', () => {
    expect(parseResult('library:open', { ok: false, error: 'No such folder.' })).toEqual({
      ok: false,
      error: 'No such folder.',
    });
    expect(parseResult('library:open', { ok: true, value: { libraryId: 'lib-1' } })).toEqual({
      ok: true,
      value: { libraryId: 'lib-1' },
    });
    expect(parseResult('library:open', { ok: true, value: { libraryId: 7 } }).ok).toBe(false);
    expect(parseResult('library:open', 'garbage').ok).toBe(false);
  });

  it('checks scan:progress events', () => {
    const progress = {
      libraryId: 'lib-1',
      folder: '/d',
      state: 'scanning',
      filesSeen: 3,
      images: 2,
      nonImages: 1,
    };
    expect(parseEvent('scan:progress', progress)).toEqual({ ok: true, value: progress });
    expect(parseEvent('scan:progress', { ...progress, state: 'exploded' }).ok).toBe(false);
    expect(parseEvent('scan:progress', { ...progress, images: -1 }).ok).toBe(false);
  });
});
