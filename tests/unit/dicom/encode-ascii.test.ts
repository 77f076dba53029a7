/**
 * Issue 26: encodeText writes ASCII-only text as its character codes straight away. In every declared
 * set, ASCII is G0's default and needs no escape, so those are the bytes the escape-aware encoder
 * writes; characters beyond ASCII still go through it.
 */
import { describe, expect, it } from 'vitest';
import { characterSet, encodeText, type CharacterSet } from '../../../src/shared/dicom/charset/dicom-text';

const SETS = [
  undefined,
  'ISO_IR 100',
  'ISO_IR 192',
  'ISO 2022 IR 6\\ISO 2022 IR 87',
  '\\ISO 2022 IR 149',
  'ISO_IR 13',
];
const TEXTS = ['1.2.840.10008.5.1.4.1.1.7', 'Doe^Jane=Ido^Jan', 'A\\B\\C', '', 'W400/L50, boxes'];

describe('ASCII text in every set', () => {
  for (const declared of SETS) {
    it(`is its character codes in ${declared ?? 'the default repertoire'}`, () => {
      const set = characterSet(declared) as CharacterSet;
      for (const text of TEXTS) {
        expect([...(encodeText(text, set, 'PN') ?? [])]).toEqual([...text].map((c) => c.charCodeAt(0)));
      }
    });
  }

  it('DEL (0x7F) is refused as before, in every set that is not UTF-8', () => {
    for (const declared of SETS.filter((s) => s !== 'ISO_IR 192')) {
      expect(encodeText('A\u007fB', characterSet(declared) as CharacterSet, 'LO'), declared).toBeUndefined();
    }
  });

  it('text beyond ASCII is still encoded with its escapes', () => {
    const set = characterSet('\\ISO 2022 IR 87') as CharacterSet;
    const bytes = [...(encodeText('Yamada^Tarou=山田', set, 'PN') ?? [])];
    // ESC $ B designates JIS X 0208 in G0 before the kanji, ESC ( B returns to ASCII at the end
    expect(bytes.slice(13, 16)).toEqual([0x1b, 0x24, 0x42]);
    expect(bytes.slice(-3)).toEqual([0x1b, 0x28, 0x42]);
  });
});
