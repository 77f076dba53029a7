import { describe, expect, it } from 'vitest';
import { mirrorOf } from '../../../src/main/convert/listed-inputs';
import { inShard, parseShard, resolveShard } from '../../../src/main/convert/shard';

const paths = Array.from({ length: 2000 }, (_, i) => `study-${i % 7}/series-${i % 3}/IM${i}`);

describe('inShard', () => {
  it('puts every path in exactly one of n shards, in shares of similar size', () => {
    const count = 4;
    const sizes = Array.from(
      { length: count },
      (_, i) => paths.filter((p) => inShard(p, { index: i + 1, count })).length,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(paths.length);
    for (const path of paths) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(path, { index, count }));
      expect(owners, path).toHaveLength(1);
    }
    for (const size of sizes) expect(size).toBeGreaterThan(paths.length / count / 1.3);
  });

  it('keeps a file in its shard whatever else the archive holds (the hash of its path alone)', () => {
    const shard = { index: 3, count: 8 };
    const before = paths.filter((p) => inShard(p, shard));
    const grown = [...paths, 'new-study/IM1', 'new-study/IM2'];
    expect(grown.filter((p) => inShard(p, shard)).slice(0, before.length)).toEqual(before);
  });
});

describe('parseShard and resolveShard', () => {
  it('reads --shard i/n and refuses shares outside 1..n', () => {
    expect(parseShard('2/8')).toEqual({ ok: true, shard: { index: 2, count: 8 } });
    expect(parseShard('0/8').ok).toBe(false);
    expect(parseShard('9/8').ok).toBe(false);
    expect(parseShard('2of8')).toEqual({
      ok: false,
      reason: '--shard needs i/n with 1 <= i <= n (e.g. 2/8), got "2of8"',
    });
  });

  it('takes the index of a Kubernetes Indexed Job (0-based JOB_COMPLETION_INDEX) with --shards n', () => {
    expect(resolveShard({ shards: '4' }, { JOB_COMPLETION_INDEX: '0' })).toEqual({
      ok: true,
      shard: { index: 1, count: 4 },
    });
    expect(resolveShard({ shards: '4' }, { JOB_COMPLETION_INDEX: '3' })).toEqual({
      ok: true,
      shard: { index: 4, count: 4 },
    });
    expect(resolveShard({ shards: '4' }, { JOB_COMPLETION_INDEX: '4' }).ok).toBe(false);
    const missing = resolveShard({ shards: '4' }, {});
    expect(missing.ok ? '' : missing.reason).toMatch(
      /JOB_COMPLETION_INDEX .* SLURM_ARRAY_TASK_ID .* is not set/,
    );
  });

  it('takes a Slurm array task, counted from SLURM_ARRAY_TASK_MIN, with --shards n or --shard auto', () => {
    const slurm = { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' };
    expect(resolveShard({ shards: '8' }, slurm)).toEqual({ ok: true, shard: { index: 5, count: 8 } });
    expect(resolveShard({ shard: 'auto' }, slurm)).toEqual({ ok: true, shard: { index: 5, count: 8 } });
    expect(
      resolveShard({ shard: 'auto' }, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' }),
    ).toEqual({
      ok: true,
      shard: { index: 1, count: 2 },
    });
    expect(resolveShard({ shard: 'auto' }, {}).ok).toBe(false);
  });

  it('refuses --shard with --shards, and means one share when neither is given', () => {
    expect(resolveShard({ shard: '1/2', shards: '2' }, {}).ok).toBe(false);
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: '1' })).toEqual({ ok: true });
  });
});

describe('mirrorOf', () => {
  it('mirrors relative lines as written and absolute ones without their root', () => {
    expect(mirrorOf('./study/IM1')).toBe('study/IM1');
    expect(mirrorOf('study//series/IM1')).toBe('study/series/IM1');
    expect(mirrorOf('/archive/2024/IM1')).toBe('archive/2024/IM1');
    expect(mirrorOf('../x/IM1')).toBe(`${process.cwd().split('/').slice(1, -1).join('/')}/x/IM1`);
  });
});
