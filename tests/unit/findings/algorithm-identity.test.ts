import { describe, expect, it } from 'vitest';
import { describeAlgorithm, mergeAlgorithm } from '../../../src/shared/findings/algorithm-identity';

describe('the algorithm identity of a run', () => {
  it('takes each field from the flags first, then from the findings file', () => {
    expect(
      mergeAlgorithm({ version: '3.0' }, { name: 'CocoNet', version: '0.9', manufacturer: 'Coco Labs' }),
    ).toEqual({
      name: 'CocoNet',
      version: '3.0',
      manufacturer: 'Coco Labs',
    });
    expect(mergeAlgorithm({ name: 'KidneyNet' }, { name: 'CocoNet', version: '0.9' })).toEqual({
      name: 'KidneyNet',
      version: '0.9',
    });
  });

  it('is none without a name from either', () => {
    expect(mergeAlgorithm({ version: '2.1' }, undefined)).toBeUndefined();
    expect(mergeAlgorithm({ name: '  ' }, undefined)).toBeUndefined();
  });

  it('reads as name and version', () => {
    expect(describeAlgorithm({ name: 'KidneyNet', version: '2.1' })).toBe('KidneyNet 2.1');
    expect(describeAlgorithm({ name: 'KidneyNet' })).toBe('KidneyNet');
  });
});
