import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySession } from '../../../src/main/session/session-file';
import { createSessionRegistry } from '../../../src/main/session/session-registry';
import type { Scheduler } from '../../../src/main/session/session-store';

const neverFires: Scheduler = { set: () => 0, clear: () => undefined };
let root: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'dicom-ink-registry-')));
  await mkdir(join(root, 'a'));
  await mkdir(join(root, 'b'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('session registry', () => {
  it('one store per real folder, and flushAll writes every pending save', async () => {
    const registry = createSessionRegistry({ dataDir: join(root, 'data'), scheduler: neverFires });
    await symlink(join(root, 'a'), join(root, 'a-link'));
    const a = await registry.open(join(root, 'a'));
    const aAgain = await registry.open(join(root, 'a-link'));
    const b = await registry.open(join(root, 'b'));
    if (!a.ok || !aAgain.ok || !b.ok) throw new Error('open failed');
    expect(aAgain.store).toBe(a.store);
    expect(b.store).not.toBe(a.store);

    a.store.save({
      ...emptySession(a.store.folder),
      settings: { ...emptySession('').settings, thickness: 7 },
    });
    b.store.save({
      ...emptySession(b.store.folder),
      settings: { ...emptySession('').settings, labels: true },
    });
    expect(await registry.flushAll()).toEqual([]);

    const reread = createSessionRegistry({ dataDir: join(root, 'data') });
    const a2 = await reread.open(join(root, 'a'));
    const b2 = await reread.open(join(root, 'b'));
    if (!a2.ok || !b2.ok) throw new Error('reopen failed');
    expect((await a2.store.load()).session.settings.thickness).toBe(7);
    expect((await b2.store.load()).session.settings.labels).toBe(true);
  });
});
