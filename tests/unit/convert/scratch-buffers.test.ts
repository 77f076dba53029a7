import { describe, expect, it } from 'vitest';
import { KEEP_LIMIT, scratchBuffer } from '../../../src/main/convert/scratch-buffers';

// Identity is compared with ===: a failed toBe on two large arrays makes Vitest deep-compare them.
describe('scratch buffers', () => {
  it('hands back the same buffer for the same use and size, and a new one when the size changes', () => {
    const first = scratchBuffer('rgb', 786432);
    expect(first.length).toBe(786432);
    expect(scratchBuffer('rgb', 786432) === first).toBe(true);
    expect(scratchBuffer('encoded', 786432) === first).toBe(false);
    const other = scratchBuffer('rgb', 12);
    expect(other.length).toBe(12);
    expect(scratchBuffer('rgb', 786432) === first).toBe(false);
  });

  it('does not keep a buffer larger than the limit', () => {
    const big = scratchBuffer('encoded', KEEP_LIMIT + 2);
    expect(big.length).toBe(KEEP_LIMIT + 2);
    expect(scratchBuffer('encoded', KEEP_LIMIT + 2) === big).toBe(false);
  });
});
