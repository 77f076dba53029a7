import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rowShare } from '../../../src/main/export/row-share';
import type { InputRoot } from '../../../src/main/convert/plan-inputs';

const roots: InputRoot[] = [{ path: '/archive/study', isDirectory: true, outPrefix: 'study' }];

/** The share a key falls in, computed here from the documented rule (SHA-256, first 4 bytes, mod n). */
function shareOf(key: string, count: number): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}

describe('rowShare: which shard answers for a finding row no image of it matched', () => {
  it('is always this run when it is not sharded', () => {
    const target = { kind: 'sop' as const, sopInstanceUid: '1.2.3' };
    expect(rowShare(target, { shard: undefined, roots, listed: false })).toBe('mine');
    expect(rowShare(target, { shard: { index: 1, count: 1 }, roots, listed: false })).toBe('mine');
  });

  it('cannot tell for a row naming its image by UID', () => {
    const shard = { index: 2, count: 4 };
    expect(rowShare({ kind: 'sop', sopInstanceUid: '1.2.3' }, { shard, roots, listed: false })).toBe(
      'unknown',
    );
    const bySeries = { kind: 'series-instance' as const, seriesInstanceUid: '1.2', instanceNumber: 7 };
    expect(rowShare(bySeries, { shard, roots, listed: false })).toBe('unknown');
  });

  it('gives a file row to the one shard its output path hashes to, across 4 shards', () => {
    for (let i = 1; i <= 40; i++) {
      const file = `series-1\\IM${String(i).padStart(4, '0')}`; // written on Windows
      const owner = shareOf(`study/series-1/IM${String(i).padStart(4, '0')}`, 4);
      const answers = [1, 2, 3, 4].map((index) =>
        rowShare({ kind: 'file', file }, { shard: { index, count: 4 }, roots, listed: false }),
      );
      expect(
        answers.filter((a) => a === 'mine'),
        file,
      ).toHaveLength(1);
      expect(answers[owner - 1], file).toBe('mine');
      expect(
        answers.filter((a) => a === 'elsewhere'),
        file,
      ).toHaveLength(3);
    }
  });

  it('cannot tell for a file row of another share when folders of an --inputs-from list are mirrored too', () => {
    let asked = 0;
    for (let i = 1; i <= 20; i++) {
      const file = `series-1/IM${String(i).padStart(4, '0')}`;
      const owner = shareOf(`study/${file}`, 4);
      const mine = rowShare(
        { kind: 'file', file },
        { shard: { index: owner, count: 4 }, roots, listed: true },
      );
      expect(mine, file).toBe('mine');
      // a share neither of its keys (under the folder, or as a listed line) falls in
      const other = [1, 2, 3, 4].find((index) => index !== owner && index !== shareOf(file, 4));
      if (other === undefined) continue;
      asked++;
      const shard = { index: other, count: 4 };
      expect(rowShare({ kind: 'file', file }, { shard, roots, listed: true }), file).toBe('unknown');
      expect(rowShare({ kind: 'file', file }, { shard, roots, listed: false }), file).toBe('elsewhere');
    }
    expect(asked).toBe(20);
  });
});
