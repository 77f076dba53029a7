import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvertInput } from '../../../src/main/convert/convert-settings';
import { enumerateInputs, isInside, planInputs } from '../../../src/main/convert/plan-inputs';
import type { InputRoot } from '../../../src/main/convert/plan-inputs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dicom-ink-plan-'));
  for (const file of ['a/1.dcm', 'a/sub/2', 'a/out/old.dcm', 'b/a/3.dcm', 'c.dcm']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(roots: InputRoot[], out: string): Promise<ConvertInput[]> {
  const found: ConvertInput[] = [];
  for await (const input of enumerateInputs(roots, out)) found.push(input);
  return found;
}

async function plan(inputs: string[], out: string): Promise<InputRoot[]> {
  const result = await planInputs(inputs, out);
  if (!result.ok) throw new Error(result.reason);
  return result.roots;
}

describe('isInside', () => {
  it('compares path segments, not string prefixes', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a', '/a/b')).toBe(false);
  });
});

describe('planInputs and enumerateInputs', () => {
  it('puts a single folder under --out/<its name>/ and skips an --out inside it', async () => {
    const out = join(dir, 'a', 'out');
    const inputs = await collect(await plan([join(dir, 'a')], out), out);
    expect(inputs).toEqual([
      { path: join(dir, 'a/1.dcm'), relativePath: '1.dcm', outputPath: join(out, 'a/1.dcm') },
      { path: join(dir, 'a/sub/2'), relativePath: 'sub/2', outputPath: join(out, 'a/sub/2') },
    ]);
  });

  it('uses the same rule for several folders (named apart when names repeat) and files by name', async () => {
    const out = join(dir, 'o');
    const roots = await plan([join(dir, 'b', 'a'), join(dir, 'a'), join(dir, 'c.dcm')], out);
    expect(roots.map((r) => r.outPrefix)).toEqual(['a', 'a-2', '']);
    const outputs = (await collect(roots, out)).map((i) => [i.relativePath, i.outputPath]);
    expect(outputs).toEqual([
      ['3.dcm', join(out, 'a/3.dcm')],
      ['1.dcm', join(out, 'a-2/1.dcm')],
      ['out/old.dcm', join(out, 'a-2/out/old.dcm')],
      ['sub/2', join(out, 'a-2/sub/2')],
      ['c.dcm', join(out, 'c.dcm')],
    ]);
  });

  it("mirrors a named file under the opened folder holding it (the app's layout, the same as the folder's)", async () => {
    const out = join(dir, 'o-app');
    const roots = await plan([join(dir, 'a', 'sub', '2'), join(dir, 'c.dcm')], out);
    const found: ConvertInput[] = [];
    for await (const input of enumerateInputs(roots, out, { mirrorFrom: [join(dir, 'a')] }))
      found.push(input);
    expect(found.map((i) => [i.relativePath, i.outputPath])).toEqual([
      // as `convert <dir>/a --out o-app` writes it
      ['sub/2', join(out, 'a/sub/2')],
      // outside every opened folder: by its name, as before
      ['c.dcm', join(out, 'c.dcm')],
    ]);
  });

  it('converts overlapping inputs once: a sub-folder, a file inside, the same folder twice or through a link', async () => {
    const out = join(dir, 'o2');
    symlinkSync(join(dir, 'a'), join(dir, 'link-to-a'));
    const result = await planInputs(
      [
        join(dir, 'a', 'sub'),
        join(dir, 'a'),
        join(dir, 'a', '1.dcm'),
        join(dir, 'link-to-a'),
        join(dir, 'a') + '/',
      ],
      out,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.roots).toEqual([{ path: join(dir, 'a'), isDirectory: true, outPrefix: 'a' }]);
    expect(result.notes).toEqual([
      `input ${join(dir, 'a', 'sub')} is inside input ${join(dir, 'a')}; its files are converted once, as part of ${join(dir, 'a')}`,
      `input ${join(dir, 'a', '1.dcm')} is inside input ${join(dir, 'a')}; its files are converted once, as part of ${join(dir, 'a')}`,
      `input ${join(dir, 'link-to-a')} is the same as ${join(dir, 'a')}; its files are converted once`,
      `input ${join(dir, 'a')}/ is the same as ${join(dir, 'a')}; its files are converted once`,
    ]);
    const paths = (await collect(result.roots, out)).map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('refuses a missing input, an --out that is the input folder and an input inside --out', async () => {
    expect(await planInputs([join(dir, 'nope')], join(dir, 'o'))).toEqual({
      ok: false,
      reason: `input ${join(dir, 'nope')} does not exist or cannot be read; check the path`,
    });
    const same = await planInputs([join(dir, 'a')], join(dir, 'a'));
    expect(same.ok ? '' : same.reason).toMatch(/is the input folder itself/);
    const inside = await planInputs([join(dir, 'a', 'sub'), join(dir, 'c.dcm')], dir);
    expect(inside.ok ? '' : inside.reason).toMatch(
      /^input .*sub is inside --out .*; outputs could replace it/,
    );
  });
});
