import { describe, expect, it } from 'vitest';
import { KEEP_LIMIT, scratchView } from '../../../src/main/convert/scratch-buffers';

// Buffers are compared by identity (.buffer with ===): a failed toBe on large arrays deep-compares them.
describe('scratchView', () => {
  it('serves sizes that differ by a few bytes from one kept buffer, each view exactly as long as asked', () => {
    const first = scratchView('encoded', 787_962);
    expect(first.length).toBe(787_962);
    expect(first.byteOffset).toBe(0);
    const larger = scratchView('encoded', 787_964);
    expect(larger.length).toBe(787_964);
    expect(larger.buffer === first.buffer).toBe(true);
    expect(scratchView('encoded', 787_958).buffer === first.buffer).toBe(true);
  });

  it('grows the kept buffer when a file outgrows its headroom', () => {
    const small = scratchView('rgb', 1000);
    const grown = scratchView('rgb', 2000);
    expect(grown.length).toBe(2000);
    expect(grown.buffer === small.buffer).toBe(false);
    expect(scratchView('rgb', 1000).buffer === grown.buffer).toBe(true);
  });

  it('does not keep a buffer larger than the limit', () => {
    const big = scratchView('rgb', KEEP_LIMIT + 2);
    expect(big.length).toBe(KEEP_LIMIT + 2);
    expect(scratchView('rgb', KEEP_LIMIT + 2).buffer === big.buffer).toBe(false);
  });
});
