import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, scanFolder } from '../../../src/main/dicom/scan-folder';

async function collect(root: string, options?: Parameters<typeof scanFolder>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const path of scanFolder(root, options)) out.push(relative(root, path));
  return out;
}

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'dicom-ink-scan-'));
  mkdirSync(join(root, 'b/nested/deeper'), { recursive: true });
  mkdirSync(join(root, 'out'));
  mkdirSync(join(root, 'outside'));
  for (const file of ['a', 'b/IM0001', 'b/nested/deeper/x.dcm', 'out/converted.dcm', 'outside/kept', 'Z']) {
    writeFileSync(join(root, file), 'x');
  }
  symlinkSync(root, join(root, 'b/loop')); // a link back to the root
  return root;
}

describe('scanFolder', () => {
  it('yields every regular file, any name, depth first in sorted order, and ends on a symlink loop', async () => {
    const root = tree();
    expect(await collect(root)).toEqual([
      'Z',
      'a',
      'b/IM0001',
      'b/nested/deeper/x.dcm',
      'out/converted.dcm',
      'outside/kept',
    ]);
  });

  it('skips excluded folders by containment, not by name prefix (out/ excluded, outside/ kept)', async () => {
    const root = tree();
    expect(await collect(root, { exclude: [join(root, 'out')] })).toEqual([
      'Z',
      'a',
      'b/IM0001',
      'b/nested/deeper/x.dcm',
      'outside/kept',
    ]);
  });

  it('stops when the signal is aborted', async () => {
    const root = tree();
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const path of scanFolder(root, { signal: controller.signal })) {
      seen.push(path);
      controller.abort();
    }
    expect(seen.length).toBe(1);
  });

  it('yields a file given as the root itself', async () => {
    const root = tree();
    const out: string[] = [];
    for await (const path of scanFolder(join(root, 'a'))) out.push(path);
    expect(out).toEqual([join(root, 'a')]);
  });

  it('isInside treats /a/bc as outside /a/b', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });
});
