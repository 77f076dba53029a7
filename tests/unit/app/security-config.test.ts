import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../src/main/app/csp';

describe('renderer security configuration', () => {
  it('index.html carries exactly the CSP main enforces, with no inline or remote script source', () => {
    const html = readFileSync(path.resolve('src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('creates the window sandboxed, isolated, without Node, and denies navigation and new windows', () => {
    const source = readFileSync(path.resolve('src/main/app/window.ts'), 'utf8');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webviewTag: false',
    ]) {
      expect(source).toContain(setting);
    }
    expect(source).toContain("contents.on('will-navigate', (event) => event.preventDefault())");
    expect(source).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(source).toContain(
      'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))',
    );
  });
});
