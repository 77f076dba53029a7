/**
 * The DICOMDIR folder is written atomically (issue 10, media): nothing appears under its name until
 * finish(), a cancel leaves nothing behind, and a folder that became non-empty meanwhile is not replaced.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dicomdirTarget, fileSetIdFor } from '../../../src/main/delivery/dicomdir/dicomdir-target';
import { readInstance } from '../../../src/main/delivery/instance-file';
import type { InstanceInfo } from '../../../src/main/delivery/instance-file';
import type { Answer } from '../../../src/main/delivery/outcome';

const SOURCE = join(__dirname, '..', '..', '..', 'assets', 'sample', 'abdomen-ct', 'series-1', 'IM0001');
const dir = mkdtempSync(join(tmpdir(), 'dicom-ink-dicomdir-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sample(): Promise<InstanceInfo> {
  const read = await readInstance(SOURCE);
  if (!read.ok) throw new Error(read.reason);
  return read.info;
}

async function send(target: ReturnType<typeof dicomdirTarget>, infos: InstanceInfo[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  await target.sendBatch(infos, { timeoutMs: 1000, onAnswer: (_i, a) => answers.push(a) });
  return answers;
}

describe('dicomdirTarget', () => {
  it('shows nothing under the final name before finish(), then the whole folder', async () => {
    const folder = join(dir, 'cd-1');
    const target = dicomdirTarget(folder, { overwrite: false });
    const info = await sample();
    const answers = await send(target, [info, info]);
    expect(answers.map((a) => (a.kind === 'stored' ? a.detail : a.kind))).toEqual([
      'success',
      'already-stored',
    ]);
    expect(existsSync(folder)).toBe(false);
    expect(await target.finish?.()).toEqual({ ok: true });
    expect(readdirSync(folder).sort()).toEqual(['DICOM', 'DICOMDIR']);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('leaves nothing behind after a cancel', async () => {
    const folder = join(dir, 'cd-2');
    const target = dicomdirTarget(folder, { overwrite: false });
    await send(target, [await sample()]);
    await target.discard?.();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('cd-2'))).toEqual([]);
  });

  it('does not replace a folder that became non-empty meanwhile, and removes its own work', async () => {
    const folder = join(dir, 'cd-3');
    const target = dicomdirTarget(folder, { overwrite: false });
    await send(target, [await sample()]);
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.txt'), 'mine');
    const finished = await target.finish?.();
    expect(finished).toMatchObject({ ok: false });
    expect(finished && !finished.ok && finished.reason).toContain('is not empty');
    expect(readdirSync(folder)).toEqual(['keep.txt']);
    expect(readdirSync(dir).filter((n) => n.includes('cd-3'))).toEqual(['cd-3']);
  });

  it('makes a File-set ID of at most 16 characters from A-Z, 0-9, space and _', () => {
    expect(fileSetIdFor('/media/study-cd')).toBe('STUDY_CD');
    expect(fileSetIdFor('/x/a very long folder name.iso')).toBe('A VERY LONG FOLD');
    expect(fileSetIdFor('/x/...')).toBe('___');
    expect(fileSetIdFor('/x/ü')).toBe('_');
  });
});
