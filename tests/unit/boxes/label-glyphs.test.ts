/**
 * Issue 21 point 1 (burned-in labels in every script) and issue 25 point 2 (characters the font lacks
 * are reported): labels in Cyrillic, Greek, Hebrew, Arabic, Thai, Japanese, Korean and Chinese are
 * drawn with GNU Unifont's glyphs, pixel for pixel as Debian's unifont.hex has them (the oracle), and a
 * character no glyph covers is named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawBoxes } from '../../../src/shared/boxes/draw';
import { describeCharacter, labelFont, missingGlyphs } from '../../../src/shared/boxes/label-font';
import type { BurnBox } from '../../../src/shared/boxes/model';
import type { RgbImage } from '../../../src/shared/pipeline/types';

/** Debian's unifont package: one line per code point, "XXXX:" then 32 (8 wide) or 64 (16 wide) hex digits. */
const UNIFONT_HEX = '/usr/share/unifont/unifont.hex';

function unifontHex(): Map<number, string> {
  const glyphs = new Map<number, string>();
  for (const line of readFileSync(UNIFONT_HEX, 'latin1').split('\n')) {
    const [code, bits] = line.split(':');
    if (code && bits) glyphs.set(parseInt(code, 16), bits.trim());
  }
  return glyphs;
}

/** A glyph from the .hex line as '#'/'.' rows. */
function hexPicture(bits: string): string[] {
  const width = bits.length === 64 ? 16 : 8;
  const digits = width / 4;
  return Array.from({ length: 16 }, (_, row) => {
    const value = parseInt(bits.slice(row * digits, (row + 1) * digits), 16);
    return Array.from({ length: width }, (_, col) => ((value >> (width - 1 - col)) & 1 ? '#' : '.')).join('');
  });
}

/** The pixels of `image` in a rectangle as '#' (the label colour) / '.' (anything else). */
function drawnPicture(image: RgbImage, x: number, y: number, width: number, height: number): string[] {
  return Array.from({ length: height }, (_, row) =>
    Array.from({ length: width }, (_, col) => {
      const o = ((y + row) * image.columns + x + col) * 3;
      return image.data[o] === 255 && image.data[o + 1] === 0 ? '#' : '.';
    }).join(''),
  );
}

const box = (label: string): BurnBox => ({
  x1: 40,
  y1: 60,
  x2: 100,
  y2: 100,
  color: [255, 0, 0],
  thickness: 1,
  label,
});

describe('labels beyond ASCII are drawn in Unifont', () => {
  const hex = unifontHex();

  it.each(['очаг', 'όγκος', 'נגע', 'ورم', 'ก้อน', '結節', '결절', '结节', 'Läsion grün'])(
    '"%s": every glyph as unifont.hex draws it, one after another',
    (label) => {
      const image: RgbImage = { columns: 200, rows: 200, data: new Uint8Array(200 * 200 * 3) };
      const layout = drawBoxes(image, [box(label)], { labels: true });
      const placed = layout.placed[0];
      expect(placed, 'the label is placed').toBeDefined();
      if (!placed) return;
      expect(labelFont(label)).toBe('unifont');
      // scale 1 (a 200-pixel image): glyphs start one pixel in from the strip's corner
      let penX = placed.x + 1;
      for (const char of Array.from(label)) {
        const bits = hex.get(char.codePointAt(0) as number) as string;
        const want = hexPicture(bits);
        const width = (want[0] as string).length;
        expect(drawnPicture(image, penX, placed.y + 1, width, 16), `${describeCharacter(char)}`).toEqual(
          want,
        );
        penX += width;
      }
      expect(placed.width).toBe(penX - placed.x + 1);
      expect(missingGlyphs(label)).toEqual([]);
    },
  );

  it('keeps the 5x7 font for a label of printable ASCII', () => {
    expect(labelFont('kidney lesion 0.93')).toBe('ascii');
    expect(missingGlyphs('kidney lesion 0.93')).toEqual([]);
  });

  it('names the characters no glyph covers (drawn as hollow boxes), each once', () => {
    expect(missingGlyphs('結節 😀😀 \u{20000}')).toEqual(['😀', '\u{20000}']);
    expect(describeCharacter('😀')).toBe('U+1F600 😀');
  });
});
