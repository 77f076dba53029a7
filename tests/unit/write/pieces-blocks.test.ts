/**
 * Issue 26: the encoder's small buffers are cut from larger blocks (encode-dataset.ts) rather than
 * allocated one by one. No bytes are ever handed out twice: what one encoding wrote stays as written
 * while many more are made after it, across block boundaries, and a value larger than a block's share
 * is still encoded whole.
 */
import { describe, expect, it } from 'vitest';
import { newPieces, SMALL_PIECES } from '../../../src/main/dicom/write/encode-dataset';

function joined(list: readonly Uint8Array[]): string {
  return Buffer.concat(list).toString('latin1');
}

describe('Pieces cut from shared blocks', () => {
  it('keeps every encoding as written while thousands more are made after it', () => {
    const made: { expected: string; pieces: Uint8Array[] }[] = [];
    for (let i = 0; i < 3000; i++) {
      const pieces = newPieces(SMALL_PIECES);
      const text = `item ${i} `.repeat(1 + (i % 40)); // up to ~400 bytes: some Pieces grow
      pieces.u32(i);
      pieces.string(text, text.length, 'latin1');
      const expected = Buffer.concat([Buffer.from(new Uint32Array([i]).buffer), Buffer.from(text, 'latin1')]);
      made.push({ expected: expected.toString('latin1'), pieces: pieces.pieces() });
    }
    for (const { expected, pieces } of made) expect(joined(pieces)).toBe(expected);
  });

  it('encodes a value larger than a block whole', () => {
    const pieces = newPieces(SMALL_PIECES);
    const text = 'x'.repeat(200_000);
    pieces.string(text, text.length, 'latin1');
    pieces.u16(7);
    expect(pieces.length).toBe(200_002);
    expect(joined(pieces.pieces())).toBe(`${text}\u0007\u0000`);
  });
});
