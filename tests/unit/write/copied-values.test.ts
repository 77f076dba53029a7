/**
 * Issue 8, point 1: a copied value is never cut. Old ACR-NEMA dates and times (PS3.5 6.2, DA and TM)
 * become the standard forms; any other value, however long or odd, is written whole. One case per VR
 * with a maximum length (PS3.5 Table 6.2-1).
 */
import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../../src/main/dicom/write/copy-source';
import { buildSecondaryCapture } from '../../../src/main/dicom/write/secondary-capture';
import { maxChars, type TextVr } from '../../../src/main/dicom/write/vr';
import { loadWriteSource, syntheticFrames } from '../../helpers/write-source';

const CT = 'tests/fixtures/corpus/dp_CT1_UNC.implicit_little_endian.dcm';

/** Builds an output from the CT slice with `values` (tag -> text) standing in for the source's. */
function outputOf(values: Record<string, string>): ReturnType<typeof parseDicom> {
  const base = loadWriteSource(CT);
  const source = { ...base, getString: (tag: string) => values[tag] ?? base.getString(tag) };
  const built = buildSecondaryCapture({
    source,
    frames: syntheticFrames(source.header.pixel.rows, source.header.pixel.columns, 1),
    settingsKey: 'k',
    seriesKey: 's',
    derivationDescription: 'test',
    seriesDescriptionSuffix: 'test',
  });
  return parseDicom(built.bytes);
}

/** A value one character longer than `vr` allows, made of `unit` repeated. */
function tooLong(vr: TextVr, unit: string): string {
  const limit = maxChars(vr) ?? 0;
  return unit.repeat(Math.ceil((limit + 1) / unit.length)).slice(0, limit + 1);
}

// [VR, tag of a copied attribute of that VR, source value, value written]
const CASES: [TextVr, string, string, string][] = [
  ['DA', '00080020', '1993.04.28', '19930428'],
  ['DA', '00100030', '19930428 ', '19930428'],
  ['DA', '00100030', '1993-04-28x', '1993-04-28x'],
  ['TM', '00080030', '14:04:38.123456', '140438.123456'],
  ['TM', '00080030', '14:04', '1404'],
  ['TM', '00080030', tooLong('TM', '1'), tooLong('TM', '1')],
  ['AS', '00101010', '045Years', '045Years'],
  ['CS', '00100040', tooLong('CS', 'M'), tooLong('CS', 'M')],
  ['SH', '00200010', tooLong('SH', 'S'), tooLong('SH', 'S')],
  ['SH', '00080050', 'A1\\B2', 'A1\\B2'],
  ['LO', '00100020', tooLong('LO', 'ID'), tooLong('LO', 'ID')],
  ['PN', '00100010', tooLong('PN', 'Name^'), tooLong('PN', 'Name^')],
  ['UI', '00200052', `1.2.${'3'.repeat(70)}`, `1.2.${'3'.repeat(70)}`],
  ['IS', '00200013', '0000000000000042', '0000000000000042'],
  ['DS', '00101030', '72.123456789012345', '72.123456789012345'],
  ['DS', '00280030', '0.661468000000001\\0.661468000000001', '0.661468000000001\\0.661468000000001'],
];

describe('copied values are converted or copied whole, never cut', () => {
  for (const [vr, tag, source, written] of CASES) {
    it(`${vr} (${tag}) "${source}" is written as "${written}"`, () => {
      expect(outputOf({ [tag]: source }).string(`x${tag}`)).toBe(written);
    });
  }

  it('DT has no copied attribute; its text is still never cut', () => {
    expect(sanitizeText('DT', tooLong('DT', '2'))).toBe(tooLong('DT', '2'));
  });

  it('the Content Date and Time taken from an old-form Study Date/Time are converted too', () => {
    const out = outputOf({
      '00080023': '',
      '00080022': '',
      '00080021': '',
      '00080020': '1993.04.28',
      '00080030': '14:04:38',
    });
    expect(out.string('x00080023')).toBe('19930428');
    expect(out.string('x00080033')).toBe('140438');
  });
});
