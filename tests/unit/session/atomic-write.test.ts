import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/main/session/atomic-write';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dicom-ink-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary behind', async () => {
    const file = join(dir, 's.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(await readFile(file, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['s.json']);
  });

  it('when the rename fails the target is untouched and the temporary is removed', async () => {
    const target = join(dir, 'occupied');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['occupied']);
  });

  it('a process killed (SIGKILL) while saving in a loop leaves a complete file, old or new', async () => {
    const file = join(dir, 'session.json');
    const payload = (n: number): string => JSON.stringify({ n, boxes: 'x'.repeat(200_000 + n) });
    await writeFile(file, payload(0));
    const script = join(dir, 'writer.ts');
    const module = join(process.cwd(), 'src/main/session/atomic-write.ts');
    await writeFile(
      script,
      `import { writeFileAtomic } from ${JSON.stringify(module)};\n` +
        `(async () => { for (let n = 1; ; n++) { await writeFileAtomic(${JSON.stringify(file)}, ` +
        `JSON.stringify({ n, boxes: 'x'.repeat(200000 + n) })); process.stdout.write(n + '\\n'); } })();\n`,
    );
    // `--import tsx` runs the script in this very process (the tsx CLI would fork a grandchild that
    // SIGKILL would not reach).
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
    // Kill it mid-stream, after it has reported 25 complete saves: the 26th is then in flight.
    try {
      await new Promise<void>((resolve, reject) => {
        let seen = '';
        child.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString();
          if (seen.split('\n').length > 25) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code) =>
          code === null ? resolve() : reject(new Error(`writer exited with ${code}`)),
        );
      });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('close', resolve));
    const saved = JSON.parse(await readFile(file, 'utf8')) as { n: number; boxes: string };
    expect(saved.n).toBeGreaterThanOrEqual(25);
    expect(await readFile(file, 'utf8')).toBe(payload(saved.n));
  });
});
