import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../src/shared/text/terminal-safe';

describe('terminalSafe: text from files never reaches the terminal raw', () => {
  it('writes ESC, BEL, CR, DEL and C1 controls as \\xNN', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\rd\u007fe\u009bf')).toBe('a\\x1b[2Jb\\x07c\\x0dd\\x7fe\\x9bf');
  });

  it('writes the bidi overrides, embeddings, isolates and marks as \\uNNNN', () => {
    expect(terminalSafe('x\u202ey\u2066z\u200f\u061c')).toBe('x\\u202ey\\u2066z\\u200f\\u061c');
  });

  it('keeps line feeds, tabs and any other text (accents, CJK, emoji) as they are', () => {
    const text = 'Wrote 3 files\n\tréservé 肝臓 🫁';
    expect(terminalSafe(text)).toBe(text);
  });
});
