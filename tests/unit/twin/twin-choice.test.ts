import { describe, expect, it } from 'vitest';
import { twinChoiceProblem, twinKinds } from '../../../src/main/twin/types';

describe('--twin choices', () => {
  it('takes a comma list of kinds, in writing order', () => {
    expect([...twinKinds('kos,gsps')]).toEqual(['gsps', 'kos']);
    expect([...twinKinds(' SR , kos ')]).toEqual(['sr', 'kos']);
    expect([...twinKinds('kos,seg,gsps')]).toEqual(['gsps', 'seg', 'kos']);
  });

  it('keeps both meaning gsps,sr; all is every kind this build writes; none is none', () => {
    expect([...twinKinds('both')]).toEqual(['gsps', 'sr']);
    expect([...twinKinds('all')]).toEqual(['gsps', 'sr', 'seg', 'kos']);
    expect(twinKinds('none').size).toBe(0);
    expect(twinKinds(undefined).size).toBe(0);
  });

  it('refuses a word that names no kind, saying which', () => {
    expect(twinChoiceProblem('gsps,sr')).toBeUndefined();
    expect(twinChoiceProblem('gsps,seg2')).toContain('"seg2" is none of them');
    expect(twinChoiceProblem('gsps,')).toContain('an empty entry');
    expect(twinChoiceProblem('none,sr')).toContain('"none"');
  });
});
