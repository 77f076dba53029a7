import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyEdit, createEditorState } from '../../../src/shared/editor/editor-state';
import { defaultDataDir, sessionPathFor } from '../../../src/main/session/data-dir';
import { defaultSettings, type SessionData } from '../../../src/main/session/session-file';
import { openSessionStore, type Scheduler, type SessionStore } from '../../../src/main/session/session-store';

/** A scheduler the test advances by hand: no sleeping, no real timers. */
class ManualScheduler implements Scheduler {
  private next = 1;
  readonly timers = new Map<number, { callback: () => void; ms: number }>();
  set(callback: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const t of due) t.callback();
  }
}

let root: string;
let dataDir: string;
let folder: string;

beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'dicom-ink-session-')));
  dataDir = join(root, 'data');
  folder = join(root, 'study');
  await mkdir(folder);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function sessionWithBoxes(count: number): SessionData {
  let state = createEditorState();
  for (let i = 0; i < count; i++) {
    state = applyEdit(state, {
      kind: 'add',
      box: {
        sliceKey: `1.2.3.${i}`,
        frame: 1,
        x1: i,
        y1: 2,
        x2: i + 10,
        y2: 20,
        color: [255, 0, 0],
        thickness: 4,
        label: `box ${i}`,
      },
    });
  }
  return {
    folder,
    document: state.document,
    settings: {
      ...defaultSettings,
      window: { kind: 'custom', center: 40, width: 400 },
      labels: true,
      lastSlice: { sliceKey: '1.2.3.1', frame: 1 },
    },
  };
}

async function open(
  scheduler = new ManualScheduler(),
  extra: { write?: (p: string, t: string) => Promise<void> } = {},
): Promise<SessionStore> {
  const opened = await openSessionStore({
    dataDir,
    folder,
    scheduler,
    now: () => new Date('2026-11-25T18:00:00.000Z'),
    ...extra,
  });
  if (!opened.ok) throw new Error(opened.reason);
  return opened.store;
}

describe('session store', () => {
  it('a new folder starts with an empty session and no warning', async () => {
    const loaded = await (await open()).load();
    expect(loaded.restored).toBe(false);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.session.document.boxes).toEqual([]);
    expect(loaded.session.settings).toEqual(defaultSettings);
  });

  it('save + flush then load in a new store restores boxes and settings exactly', async () => {
    const session = sessionWithBoxes(3);
    const store = await open();
    store.save(session);
    expect(await store.flush()).toEqual({ ok: true });
    const loaded = await (await open()).load();
    expect(loaded.restored).toBe(true);
    expect(loaded.session).toEqual(session);
    const file: unknown = JSON.parse(await readFile(store.file, 'utf8'));
    expect(file).toMatchObject({ schemaVersion: 1, savedAt: '2026-11-25T18:00:00.000Z', folder });
  });

  it('names the file by the sha256 of the real path, so a symlink shares the session', async () => {
    const link = join(root, 'link');
    await symlink(folder, link);
    const viaLink = await sessionPathFor(dataDir, `${link}/`);
    const direct = await sessionPathFor(dataDir, folder);
    expect(viaLink).toEqual(direct);
    expect(direct.ok && direct.file).toMatch(new RegExp(`^${dataDir}/sessions/[0-9a-f]{64}\\.json$`));
    expect(await sessionPathFor(dataDir, join(root, 'missing'))).toMatchObject({ ok: false });
  });

  it('debounce: many saves within the quiet time make one write, of the last session', async () => {
    const scheduler = new ManualScheduler();
    const writes: string[] = [];
    const store = await open(scheduler, { write: async (_p, t) => void writes.push(t) });
    for (let i = 1; i <= 5; i++) store.save(sessionWithBoxes(i));
    expect(scheduler.timers.size).toBe(1);
    expect([...scheduler.timers.values()][0]?.ms).toBe(300);
    expect(writes).toHaveLength(0);
    scheduler.fireAll();
    await store.flush();
    expect(writes).toHaveLength(1);
    expect((JSON.parse(writes[0] ?? '') as SessionData).document.boxes).toHaveLength(5);
  });

  it('flush writes a scheduled save at once and cancels its timer (app close)', async () => {
    const scheduler = new ManualScheduler();
    const store = await open(scheduler);
    store.save(sessionWithBoxes(2));
    await store.flush();
    expect(scheduler.timers.size).toBe(0);
    expect((await (await open()).load()).session.document.boxes).toHaveLength(2);
  });

  it('a load right after a save (a reload within the quiet time) returns that save, not the older file', async () => {
    const scheduler = new ManualScheduler();
    const store = await open(scheduler);
    store.save(sessionWithBoxes(1));
    await store.flush();
    store.save(sessionWithBoxes(4));
    expect(scheduler.timers.size).toBe(1);
    const loaded = await store.load();
    expect(loaded.session.document.boxes).toHaveLength(4);
    expect(scheduler.timers.size).toBe(0);
    expect((await (await open()).load()).session.document.boxes).toHaveLength(4);
  });

  it('a load while a save cannot be written returns the unsaved session with the reason', async () => {
    const failing = await open(new ManualScheduler(), {
      write: () => Promise.reject(new Error('ENOSPC: no space left on device')),
    });
    failing.save(sessionWithBoxes(3));
    const loaded = await failing.load();
    expect(loaded.session.document.boxes).toHaveLength(3);
    expect(loaded.warning).toMatch(/could not be saved \(ENOSPC/);
  });

  it('a temp file left by a crash mid-save is ignored and removed; the last complete save loads', async () => {
    const store = await open();
    store.save(sessionWithBoxes(2));
    await store.flush();
    const stale = `${store.file}.tmp-4242-deadbeef`;
    await writeFile(stale, '{"schemaVersion":1,"savedAt":"x","folder":"/half-writ');
    const loaded = await (await open()).load();
    expect(loaded.restored).toBe(true);
    expect(loaded.session.document.boxes).toHaveLength(2);
    expect(await readdir(join(dataDir, 'sessions'))).toEqual([store.file.split('/').pop()]);
  });

  it('a failed write keeps the previous file intact and reports a reason', async () => {
    const good = await open();
    good.save(sessionWithBoxes(1));
    await good.flush();
    const failing = await open(new ManualScheduler(), {
      write: () => Promise.reject(new Error('ENOSPC: no space left on device')),
    });
    failing.save(sessionWithBoxes(4));
    const result = await failing.flush();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('ENOSPC');
    expect((await (await open()).load()).session.document.boxes).toHaveLength(1);
  });

  it.each([
    ['truncated JSON', '{"schemaVersion":1,"docu', 'it is not valid JSON'],
    [
      'a future format',
      '{"schemaVersion":7,"folder":"x"}',
      'newer DICOM Ink (session format 7; this version reads format 1)',
    ],
    ['corners out of order', 'BAD_BOX', 'box corners out of order'],
  ])(
    '%s is moved aside as .corrupt-<timestamp> and an empty session starts with a warning',
    async (_name, text, reason) => {
      const store = await open();
      let content = text;
      if (text === 'BAD_BOX') {
        const session = sessionWithBoxes(1);
        const box = session.document.boxes[0];
        if (box) box.x1 = 500;
        store.save(session);
        await store.flush();
        content = await readFile(store.file, 'utf8');
      }
      await mkdir(join(dataDir, 'sessions'), { recursive: true });
      await writeFile(store.file, content);
      const loaded = await store.load();
      expect(loaded.restored).toBe(false);
      expect(loaded.session.document.boxes).toEqual([]);
      expect(loaded.warning).toContain(reason);
      const aside = `${store.file}.corrupt-2026-11-25T18-00-00-000Z`;
      expect(loaded.warning).toContain(aside);
      expect(await readFile(aside, 'utf8')).toBe(content);
      expect((await readdir(join(dataDir, 'sessions'))).sort()).toEqual([aside.split('/').pop()]);
    },
  );
});

describe('defaultDataDir', () => {
  it('uses $XDG_DATA_HOME/dicom-ink, else ~/.local/share/dicom-ink on Linux', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, '/home/u', 'linux')).toBe('/x/data/dicom-ink');
    expect(defaultDataDir({}, '/home/u', 'linux')).toBe('/home/u/.local/share/dicom-ink');
    // The XDG spec says a relative path is invalid and must be ignored.
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, '/home/u', 'linux')).toBe(
      '/home/u/.local/share/dicom-ink',
    );
  });
});
