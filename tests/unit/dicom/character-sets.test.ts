/**
 * Issue 21 point 1: text values in every Specific Character Set, as bytes and back. The expected bytes
 * are PS3.5's own examples (Annex H Japanese, I Korean, K Chinese) and the ISO 8859 code charts.
 */
import { parseDicom } from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { characterSet, decodeText, encodeText } from '../../../src/shared/dicom/charset/dicom-text';
import { readPresentationState } from '../../../src/shared/findings/gsps/read-gsps';
import { readStructuredReport } from '../../../src/shared/findings/sr/read-sr';
import { textElement } from '../../../src/main/dicom/write/element';
import { encodePart10 } from '../../../src/main/dicom/write/part10';
import { objectText } from '../../../src/main/dicom/write/text-encoding';
import { copySourceAttributes } from '../../../src/main/dicom/write/copy-source';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { buildPresentationState } from '../../../src/main/twin/presentation-state';
import { buildStructuredReport } from '../../../src/main/twin/structured-report';
import type { TwinImage } from '../../../src/main/twin/types';

function set(value: string | undefined) {
  const parsed = characterSet(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const hex = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('hex');
const esc = (text: string): string => Buffer.from(text.replace(/\\e/g, '\x1b'), 'latin1').toString('hex');

describe('encodeText: PS3.5 examples byte for byte', () => {
  it('Japanese with ISO 2022 IR 87 (PS3.5 H.3.1): JIS X 0208 designated, ASCII restored before ^ and =', () => {
    const bytes = encodeText('Yamada^Tarou=山田^太郎=やまだ^たろう', set('\\ISO 2022 IR 87'), 'PN');
    expect(hex(bytes)).toBe(
      esc('Yamada^Tarou=\\e$B;3ED\\e(B^\\e$BB@O:\\e(B=\\e$B$d$^$@\\e(B^\\e$B$?$m$&\\e(B'),
    );
  });

  it('Japanese with ISO 2022 IR 13 first (PS3.5 H.3.2): half-width katakana in G1 without escape', () => {
    const bytes = encodeText('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう', set('ISO 2022 IR 13\\ISO 2022 IR 87'), 'PN');
    expect(hex(bytes)).toBe(
      hex(Buffer.from([0xd4, 0xcf, 0xc0, 0xde, 0x5e, 0xc0, 0xdb, 0xb3, 0x3d])) +
        esc('\\e$B;3ED\\e(B^\\e$BB@O:\\e(B=\\e$B$d$^$@\\e(B^\\e$B$?$m$&\\e(B'),
    );
  });

  it('Korean with ISO 2022 IR 149 (PS3.5 I.2): KS X 1001 designated in G1 after every delimiter', () => {
    const bytes = encodeText('Hong^Gildong=洪^吉洞=홍^길동', set('\\ISO 2022 IR 149'), 'PN');
    const korean = (b: number[]): string => esc('\\e$)C') + Buffer.from(b).toString('hex');
    expect(hex(bytes)).toBe(
      Buffer.from('Hong^Gildong=').toString('hex') +
        korean([0xfb, 0xf3]) +
        '5e' +
        korean([0xd1, 0xce, 0xd4, 0xd7]) +
        '3d' +
        korean([0xc8, 0xab]) +
        '5e' +
        korean([0xb1, 0xe6, 0xb5, 0xbf]),
    );
  });

  it('Chinese with ISO 2022 IR 58 (PS3.5 K.2): GB 2312 designated in G1', () => {
    const bytes = encodeText('Zhang^XiaoDong=张^小东=', set('\\ISO 2022 IR 58'), 'PN');
    const chinese = (b: number[]): string => esc('\\e$)A') + Buffer.from(b).toString('hex');
    expect(hex(bytes)).toBe(
      Buffer.from('Zhang^XiaoDong=').toString('hex') +
        chinese([0xd5, 0xc5]) +
        '5e' +
        chinese([0xd0, 0xa1, 0xb6, 0xab]) +
        '3d',
    );
  });

  it.each([
    ['ISO_IR 100', 'Läsion grün', [0x4c, 0xe4, 0x73, 0x69, 0x6f, 0x6e, 0x20, 0x67, 0x72, 0xfc, 0x6e]],
    ['ISO_IR 101', 'Łódź', [0xa3, 0xf3, 0x64, 0xbc]],
    ['ISO_IR 144', 'очаг', [0xde, 0xe7, 0xd0, 0xd3]],
    ['ISO_IR 126', 'όγκος', [0xfc, 0xe3, 0xea, 0xef, 0xf2]],
    ['ISO_IR 138', 'נגע', [0xf0, 0xe2, 0xf2]],
    ['ISO_IR 127', 'ورم', [0xe8, 0xd1, 0xe5]],
    ['ISO_IR 148', 'Şişlik', [0xde, 0x69, 0xfe, 0x6c, 0x69, 0x6b]],
    ['ISO_IR 166', 'ก้อน', [0xa1, 0xe9, 0xcd, 0xb9]],
    ['ISO_IR 192', '結節', [0xe7, 0xb5, 0x90, 0xe7, 0xaf, 0x80]],
  ])('%s: "%s" in its own code chart', (declared, text, bytes) => {
    expect(hex(encodeText(text, set(declared), 'ST'))).toBe(Buffer.from(bytes).toString('hex'));
    expect(decodeText(Uint8Array.from(bytes), set(declared), 'ST')).toBe(text);
  });

  it('refuses what a set does not hold: Cyrillic in Latin-1, Latin-1 in ASCII, kanji in a single-byte set', () => {
    expect(encodeText('очаг', set('ISO_IR 100'), 'ST')).toBeUndefined();
    expect(encodeText('Läsion', set(undefined), 'ST')).toBeUndefined();
    expect(encodeText('結節', set('ISO_IR 144'), 'ST')).toBeUndefined();
    // Without code extensions (one ISO_IR value) a second set is never switched to.
    expect(encodeText('結節', set('ISO_IR 13'), 'ST')).toBeUndefined();
  });

  it('reads back what it writes in every ISO 2022 set, delimiters included', () => {
    const cases: [string, string, string][] = [
      ['\\ISO 2022 IR 87', '結節\\腫瘤 0.90', 'LO'],
      ['\\ISO 2022 IR 149', '결절^종양', 'PN'],
      ['\\ISO 2022 IR 58', '结节\r\n肿块', 'LT'],
      ['ISO 2022 IR 100\\ISO 2022 IR 144', 'Läsion очаг', 'ST'],
      ['ISO 2022 IR 6\\ISO 2022 IR 126\\ISO 2022 IR 87', 'όγκος 結節', 'ST'],
    ];
    for (const [declared, text, vr] of cases) {
      const bytes = encodeText(text, set(declared), vr);
      expect(bytes, `${declared}: ${text}`).toBeDefined();
      expect(decodeText(bytes as Uint8Array, set(declared), vr)).toBe(text);
    }
  });

  it('names a value of (0008,0005) that is not a defined term', () => {
    expect(characterSet('ISO_IR 999')).toMatch(/"ISO_IR 999" is not a defined term/);
  });
});

describe('objectText: the set an object is written in', () => {
  const copied = (text: string, declared: string): ReturnType<typeof copySourceAttributes> =>
    copySourceAttributes({
      getString: (tag) =>
        ({ '00080005': declared, '00100010': Buffer.from(text, 'latin1').toString('latin1') })[tag],
    });

  it('keeps the declared set and the copied bytes when every value fits it', () => {
    const name = Buffer.from([0xb8, 0xd2, 0xd0, 0xdd, 0xde, 0xd2]).toString('latin1'); // Иванов
    const source = copied(name, 'ISO_IR 144');
    const dataset = [
      ...source.elements,
      textElement(0x00080005, 'CS', 'ISO_IR 144'),
      textElement(0x00700006, 'ST', 'очаг'),
    ];
    const text = objectText(dataset);
    expect(text.characterSet).toBe('ISO_IR 144');
    const patient = text.dataset.find((e) => e.tag === 0x00100010);
    expect(patient && 'text' in patient && patient.text).toBe('Иванов');
    expect(hex(text.encode(patient as never))).toBe('b8d2d0ddded2');
  });

  it('writes everything as ISO_IR 192 when a value does not fit, copied values transcoded', () => {
    const name = Buffer.from([0xb8, 0xd2, 0xd0, 0xdd, 0xde, 0xd2]).toString('latin1');
    const source = copied(name, 'ISO_IR 144');
    const dataset = [
      ...source.elements,
      textElement(0x00080005, 'CS', 'ISO_IR 144'),
      textElement(0x00700006, 'ST', '結節'),
    ];
    const bytes = encodePart10(
      [...dataset, textElement(0x00080016, 'UI', '1.2'), textElement(0x00080018, 'UI', '1.2.3')],
      EXPLICIT_VR_LITTLE_ENDIAN,
    );
    const parsed = parseDicom(bytes);
    expect(parsed.string('x00080005')).toBe('ISO_IR 192');
    const value = (tag: string): string => {
      const e = parsed.elements[tag];
      return Buffer.from(bytes.subarray(e?.dataOffset, (e?.dataOffset ?? 0) + (e?.length ?? 0)))
        .toString('utf8')
        .trim();
    };
    expect(value('x00100010')).toBe('Иванов');
    expect(value('x00700006')).toBe('結節');
  });

  it('declares ISO_IR 100 for a source without (0008,0005) once Latin-1 text is added, nothing while all is ASCII', () => {
    const source = copied('Doe^John', '');
    expect(
      objectText([...source.elements, textElement(0x00700006, 'ST', 'lesion')]).characterSet,
    ).toBeUndefined();
    expect(objectText([...source.elements, textElement(0x00700006, 'ST', 'Läsion')]).characterSet).toBe(
      'ISO_IR 100',
    );
    expect(objectText([...source.elements, textElement(0x00700006, 'ST', '結節')]).characterSet).toBe(
      'ISO_IR 192',
    );
  });
});

describe('objectText: a source set that is not a defined term', () => {
  it('keeps the declaration and the copied bytes; new text beyond ASCII becomes "?"', () => {
    const raw = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]).toString('latin1');
    const source = copySourceAttributes({
      getString: (tag) => ({ '00080005': 'ISO_IR 999', '00100010': raw })[tag],
    });
    const label = textElement(0x00700006, 'ST', 'очаг 1');
    const text = objectText([...source.elements, textElement(0x00080005, 'CS', 'ISO_IR 999'), label]);
    expect(text.characterSet).toBe('ISO_IR 999');
    const patient = text.dataset.find((e) => e.tag === 0x00100010);
    expect(hex(text.encode(patient as never))).toBe('4dfc6c6c6572');
    expect(Buffer.from(text.encode(label as never)).toString('latin1')).toBe('???? 1');
  });
});

describe('the app reads the labels of twins written in any set', () => {
  const image: TwinImage = {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    sopInstanceUid: '1.2.3.4.1',
    seriesInstanceUid: '1.2.3.4',
    studyInstanceUid: '1.2.3',
    outputFolder: '/out',
    rows: 64,
    columns: 64,
    frames: 1,
    photometric: 'MONOCHROME2',
    modality: 'CT',
    patientStudy: [textElement(0x00100010, 'PN', 'Yamada^Tarou')],
    generalSeries: [],
    characterSet: '\\ISO 2022 IR 87',
    findings: [{ frame: 1, x1: 10, y1: 20, x2: 30, y2: 40, label: '結節', color: [255, 0, 0] }],
    settingsKey: 'k',
    seriesKey: 's',
  };
  const identity = {
    sopClassUid: '1.2.840.10008.5.1.4.1.1.11.1',
    sopInstanceUid: '1.2.9',
    seriesInstanceUid: '1.2.8',
    seriesNumber: 1,
    seriesDescription: 'x',
    created: new Date(0),
  };

  it('a presentation state in ISO 2022 IR 87 gives "結節" back', () => {
    const bytes = encodePart10(buildPresentationState([image], identity), EXPLICIT_VR_LITTLE_ENDIAN);
    const read = readPresentationState(parseDicom(bytes), 'ps.dcm');
    expect(read.graphics.map((g) => g.label)).toContain('結節');
  });

  it('a report in ISO 2022 IR 87 gives "結節" back', () => {
    const bytes = encodePart10(
      buildStructuredReport([image], { ...identity, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.33' }),
      EXPLICIT_VR_LITTLE_ENDIAN,
    );
    const read = readStructuredReport(parseDicom(bytes), 'sr.dcm');
    expect(read.graphics.map((g) => g.label)).toContain('結節');
  });
});
