/**
 * Issue 26: a slice's copied values, their encoded bytes and its series UID are reused from the slice
 * before when they are the same (copy-source.ts, text-encoding.ts, uids.ts). Reuse must never carry a
 * value or a character set into a slice whose source differs: each build equals a build of the same
 * source made after a different one.
 */
import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { buildSecondaryCapture } from '../../../src/main/dicom/write/secondary-capture';
import { loadWriteSource, syntheticFrames } from '../../helpers/write-source';

const CT = 'tests/fixtures/corpus/dp_CT1_UNC.implicit_little_endian.dcm';

/** An output of the CT slice with `values` (tag -> text as the reader gives it) standing in for its own. */
function build(values: Record<string, string>): Uint8Array {
  const base = loadWriteSource(CT);
  const source = { ...base, getString: (tag: string) => values[tag] ?? base.getString(tag) };
  return buildSecondaryCapture({
    source,
    frames: syntheticFrames(source.header.pixel.rows, source.header.pixel.columns, 1),
    settingsKey: 'k',
    seriesKey: 's',
    derivationDescription: 'test',
  }).bytes;
}

// 'Müller' as the reader gives Latin-1 bytes (one character per byte) and UTF-8 bytes.
const LATIN_1 = { '00080005': 'ISO_IR 100', '00100010': 'M\u00fcller^Anna' };
const UTF_8 = { '00080005': 'ISO_IR 192', '00100010': 'M\u00fcller^Anna' };

describe('values reused from slice to slice', () => {
  it('a build is the same bytes whichever slice was built before it', () => {
    const first = build(LATIN_1);
    build(UTF_8);
    build({ '00100010': 'Other^Name', '00201041': '-12.5' });
    expect(Buffer.compare(build(LATIN_1), first)).toBe(0);
  });

  it('the same read value under another character set is written in that set', () => {
    build(LATIN_1);
    const latin = parseDicom(build(LATIN_1));
    const utf8 = parseDicom(build(UTF_8));
    const bytesOf = (set: ReturnType<typeof parseDicom>): number[] => {
      const element = set.elements.x00100010;
      return element
        ? [...set.byteArray.subarray(element.dataOffset, element.dataOffset + element.length)]
        : [];
    };
    expect(latin.string('x00080005')).toBe('ISO_IR 100');
    expect(bytesOf(latin).slice(0, 2)).toEqual([0x4d, 0xfc]);
    // read as UTF-8 characters, so the name is 'Müller' encoded as UTF-8 (C3 BC), not the Latin-1 byte
    expect(utf8.string('x00080005')).toBe('ISO_IR 192');
    expect(bytesOf(utf8).slice(0, 3)).toEqual([0x4d, 0xc3, 0xbc]);
  });

  it('a value that changes from slice to slice is written as each slice has it', () => {
    build({ '00201041': '-10' });
    expect(parseDicom(build({ '00201041': '-12.5' })).string('x00201041')).toBe('-12.5');
    expect(parseDicom(build({ '00201041': '-10' })).string('x00201041')).toBe('-10');
  });
});
