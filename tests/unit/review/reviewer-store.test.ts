import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReviewerService } from '../../../src/main/app/services/reviewer-service';

describe('the app-wide reviewer (Settings, reviewer.json)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reviewer-'));
    file = join(dir, 'config', 'reviewer.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is none until named, then round-trips through the file', async () => {
    const service = createReviewerService({ file });
    expect(await service.get()).toEqual({ ok: true, value: { reviewer: null } });
    expect(await service.set('  DOE^JANE ')).toEqual({ ok: true, value: { reviewer: 'DOE^JANE' } });
    // a fresh service (a restart) reads the same name from the file
    expect(await createReviewerService({ file }).get()).toEqual({
      ok: true,
      value: { reviewer: 'DOE^JANE' },
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ reviewer: 'DOE^JANE' });
  });

  it('refuses a name that is not a DICOM person name and keeps the saved one', async () => {
    const service = createReviewerService({ file });
    await service.set('DOE^JANE');
    const refused = await service.set('DOE\\JANE');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/Reviewer not saved: .*backslash.*DOE\^JANE/);
    expect(await service.get()).toEqual({ ok: true, value: { reviewer: 'DOE^JANE' } });
    expect((await service.set('')).ok).toBe(false);
  });

  it('reports a corrupt file with its path instead of forgetting the reviewer', async () => {
    await createReviewerService({ file }).set('DOE^JANE');
    await writeFile(file, '{ not json');
    const answer = await createReviewerService({ file }).get();
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toContain(file);
    expect((await stat(file)).isFile()).toBe(true);
  });
});
