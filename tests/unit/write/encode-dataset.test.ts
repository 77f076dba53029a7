import { describe, expect, it } from 'vitest';
import {
  bytesElement,
  numberElement,
  sequenceElement,
  textElement,
} from '../../../src/main/dicom/write/element';
import { encodeDataset } from '../../../src/main/dicom/write/encode-dataset';

const explicit = { vrEncoding: 'explicit', textEncoding: 'latin1' } as const;
const implicit = { vrEncoding: 'implicit', textEncoding: 'latin1' } as const;

function hex(buffer: Uint8Array): string {
  return Buffer.from(buffer).toString('hex');
}

describe('Explicit VR Little Endian element encoding (PS3.5 7.1.2)', () => {
  it('pads an odd-length UI with a NUL and writes a 16-bit length', () => {
    const bytes = encodeDataset([textElement(0x00080016, 'UI', '1.2.3')], explicit);
    expect(hex(bytes)).toBe('08001600' + '5549' + '0600' + Buffer.from('1.2.3\0').toString('hex'));
  });

  it('pads odd-length text with a space and leaves even text alone', () => {
    expect(
      encodeDataset([textElement(0x00100010, 'PN', 'DOE')], explicit)
        .subarray(8)
        .toString('latin1'),
    ).toBe('DOE ');
    expect(encodeDataset([textElement(0x00100010, 'PN', 'DOEX')], explicit).readUInt16LE(6)).toBe(4);
  });

  it('writes an empty value with length 0', () => {
    expect(hex(encodeDataset([textElement(0x00080050, 'SH', '')], explicit))).toBe('080050005348' + '0000');
  });

  it('gives OB, OW, UN, UT, UC, UR and SQ two reserved bytes and a 32-bit length', () => {
    for (const element of [
      bytesElement(0x00091010, 'OB', Uint8Array.of(1, 2)),
      bytesElement(0x00091010, 'OW', Uint8Array.of(1, 2)),
      bytesElement(0x00091010, 'UN', Uint8Array.of(1, 2)),
      textElement(0x00091010, 'UT', 'ab'),
      textElement(0x00091010, 'UC', 'ab'),
      textElement(0x00091010, 'UR', 'ab'),
    ]) {
      const bytes = encodeDataset([element], explicit);
      expect(bytes.length).toBe(14);
      expect(bytes.readUInt16LE(6)).toBe(0);
      expect(bytes.readUInt32LE(8)).toBe(2);
    }
  });

  it('pads odd OB data with a zero byte and concatenates its chunks', () => {
    const bytes = encodeDataset(
      [bytesElement(0x7fe00010, 'OB', Uint8Array.of(1, 2), Uint8Array.of(3))],
      explicit,
    );
    expect(bytes.readUInt32LE(8)).toBe(4);
    expect(hex(bytes.subarray(12))).toBe('01020300');
  });

  it('refuses an odd-length OW value', () => {
    expect(() => encodeDataset([bytesElement(0x7fe00010, 'OW', Uint8Array.of(1, 2, 3))], explicit)).toThrow(
      /odd/,
    );
  });

  it('encodes US, SS, UL, SL, FL, FD and AT little-endian', () => {
    const bytes = encodeDataset(
      [
        numberElement(0x00280010, 'US', 512, 65535),
        numberElement(0x00091001, 'SS', -2),
        numberElement(0x00091002, 'UL', 0x01020304),
        numberElement(0x00091003, 'SL', -1),
        numberElement(0x00091004, 'FL', 1.5),
        numberElement(0x00091005, 'FD', -2.25),
        numberElement(0x00280009, 'AT', 0x00182001),
      ],
      explicit,
    );
    const values = new Map<number, Buffer>();
    for (let at = 0; at < bytes.length;) {
      const tag = (bytes.readUInt16LE(at) << 16) | bytes.readUInt16LE(at + 2);
      const length = bytes.readUInt16LE(at + 6);
      values.set(tag >>> 0, bytes.subarray(at + 8, at + 8 + length));
      at += 8 + length;
    }
    expect(hex(values.get(0x00280010) ?? Buffer.alloc(0))).toBe('0002ffff');
    expect(values.get(0x00091001)?.readInt16LE(0)).toBe(-2);
    expect(hex(values.get(0x00091002) ?? Buffer.alloc(0))).toBe('04030201');
    expect(values.get(0x00091003)?.readInt32LE(0)).toBe(-1);
    expect(values.get(0x00091004)?.readFloatLE(0)).toBe(1.5);
    expect(values.get(0x00091005)?.readDoubleLE(0)).toBe(-2.25);
    expect(hex(values.get(0x00280009) ?? Buffer.alloc(0))).toBe('18000120');
  });

  it('sorts elements by tag, private and group 7FE0 included', () => {
    const bytes = encodeDataset(
      [
        textElement(0x00200013, 'IS', '1'),
        bytesElement(0x7fe00010, 'OB'),
        textElement(0x00080060, 'CS', 'CT'),
        textElement(0x00090010, 'LO', 'X'),
      ],
      explicit,
    );
    const tags: string[] = [];
    for (let at = 0; at < bytes.length;) {
      tags.push(`${bytes.readUInt16LE(at).toString(16)},${bytes.readUInt16LE(at + 2).toString(16)}`);
      const vr = bytes.toString('latin1', at + 4, at + 6);
      at += vr === 'OB' ? 12 + bytes.readUInt32LE(at + 8) : 8 + bytes.readUInt16LE(at + 6);
    }
    expect(tags).toEqual(['8,60', '9,10', '20,13', '7fe0,10']);
  });

  it('refuses a duplicate tag and a value too long for a 16-bit length', () => {
    expect(() =>
      encodeDataset([textElement(0x00080060, 'CS', 'CT'), textElement(0x00080060, 'CS', 'MR')], explicit),
    ).toThrow(/twice/);
    expect(() => encodeDataset([textElement(0x00204000, 'LT', 'x'.repeat(70000))], explicit)).toThrow(
      /16-bit/,
    );
  });

  it('writes sequences and items with defined lengths (PS3.5 7.5.1)', () => {
    const item = [textElement(0x00081155, 'UI', '1.2'), textElement(0x00081150, 'UI', '3.4')];
    const bytes = encodeDataset([sequenceElement(0x00082112, [item])], explicit);
    // SQ header 12 + item header 8 + two 12-byte elements (8 + 4)
    expect(bytes.length).toBe(12 + 8 + 24);
    expect(bytes.toString('latin1', 4, 6)).toBe('SQ');
    expect(bytes.readUInt32LE(8)).toBe(32);
    expect(hex(bytes.subarray(12, 16))).toBe('feff00e0');
    expect(bytes.readUInt32LE(16)).toBe(24);
    // items are sorted too: (0008,1150) first
    expect(bytes.readUInt16LE(22)).toBe(0x1150);
  });
});

describe('Implicit VR Little Endian element encoding (PS3.5 7.1.3)', () => {
  it('writes tag and a 32-bit length with no VR', () => {
    const bytes = encodeDataset([textElement(0x00100010, 'PN', 'DOE')], implicit);
    expect(hex(bytes)).toBe('10001000' + '04000000' + Buffer.from('DOE ').toString('hex'));
  });
});

describe('text encodings', () => {
  it('writes Latin-1 as one byte per character and UTF-8 as multi-byte', () => {
    const latin = encodeDataset([textElement(0x00100010, 'PN', 'Müller')], explicit);
    expect(latin.readUInt16LE(6)).toBe(6);
    expect(latin[8 + 1]).toBe(0xfc);
    const utf8 = encodeDataset([textElement(0x00100010, 'PN', 'Müller')], {
      vrEncoding: 'explicit',
      textEncoding: 'utf8',
    });
    expect(utf8.readUInt16LE(6)).toBe(8);
    expect(utf8.subarray(8).toString('utf8').trimEnd()).toBe('Müller');
  });
});
