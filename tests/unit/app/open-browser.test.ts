import { describe, expect, it } from 'vitest';
import { browserOpener, noBrowserLines } from '../../../src/main/app/open-browser';

describe('browserOpener', () => {
  it('uses the platform opener, and on Linux only with a display', () => {
    expect(browserOpener('darwin', {})).toEqual({ ok: true, command: 'open' });
    expect(browserOpener('win32', {})).toEqual({ ok: true, command: 'explorer' });
    expect(browserOpener('linux', { DISPLAY: ':0' })).toEqual({ ok: true, command: 'xdg-open' });
    expect(browserOpener('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({
      ok: true,
      command: 'xdg-open',
    });
    expect(browserOpener('linux', { DISPLAY: '' })).toEqual({
      ok: false,
      reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    });
  });

  it('says why no browser opened and ends with the URL', () => {
    expect(noBrowserLines('xdg-open ended with exit code 3', 'http://127.0.0.1:1/?token=t')).toEqual([
      'No browser could be opened: xdg-open ended with exit code 3.',
      'Open http://127.0.0.1:1/?token=t in a browser on this machine.',
    ]);
  });
});
