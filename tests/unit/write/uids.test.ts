import { describe, expect, it } from 'vitest';
import { deriveUid, isValidUid } from '../../../src/main/dicom/uids';
import {
  IMPLEMENTATION_CLASS_UID,
  IMPLEMENTATION_VERSION_NAME,
} from '../../../src/main/dicom/write/implementation';

describe('deriveUid (PS3.5 B.2, 2.25 form)', () => {
  it('gives the same UID for the same parts', () => {
    expect(deriveUid('1.2.3', 'window=abdomen')).toBe(deriveUid('1.2.3', 'window=abdomen'));
  });

  it('gives a new UID when the settings or the source change', () => {
    const base = deriveUid('1.2.3', 'window=abdomen;boxes=1');
    expect(deriveUid('1.2.3', 'window=lung;boxes=1')).not.toBe(base);
    expect(deriveUid('1.2.3', 'window=abdomen;boxes=2')).not.toBe(base);
    expect(deriveUid('1.2.4', 'window=abdomen;boxes=1')).not.toBe(base);
  });

  it('does not confuse parts split differently', () => {
    expect(deriveUid('ab', 'c')).not.toBe(deriveUid('a', 'bc'));
    expect(deriveUid('abc')).not.toBe(deriveUid('ab', 'c'));
  });

  it('is a valid UID: 2.25 root, decimal of at most 39 digits, no leading zero, at most 64 characters', () => {
    for (let i = 0; i < 2000; i++) {
      const uid = deriveUid(String(i));
      expect(uid).toMatch(/^2\.25\.[1-9][0-9]{0,38}$/);
      expect(uid.length).toBeLessThanOrEqual(44);
      expect(isValidUid(uid)).toBe(true);
      expect(BigInt(uid.slice(5))).toBeLessThan(2n ** 128n);
    }
  });

  it('is a version 8, RFC variant UUID (RFC 9562 5.8)', () => {
    const value = BigInt(deriveUid('x').slice(5)).toString(16).padStart(32, '0');
    expect(value[12]).toBe('8');
    expect(['8', '9', 'a', 'b']).toContain(value[16]);
  });
});

describe('isValidUid (PS3.5 9.1)', () => {
  it('rejects leading zeros, empty components, letters and more than 64 characters', () => {
    expect(isValidUid('1.2.840.10008.1.2.1')).toBe(true);
    expect(isValidUid('1.0.2')).toBe(true);
    expect(isValidUid('1.02')).toBe(false);
    expect(isValidUid('1..2')).toBe(false);
    expect(isValidUid('1.2a')).toBe(false);
    expect(isValidUid(`1.${'2'.repeat(63)}`)).toBe(false);
  });
});

describe('implementation identity (PS3.10 7.1)', () => {
  it('uses a fixed 2.25 Implementation Class UID and a DICOMINK_<version> name within SH', () => {
    expect(IMPLEMENTATION_CLASS_UID).toBe(deriveUid('DICOM Ink', 'ImplementationClassUID'));
    expect(IMPLEMENTATION_VERSION_NAME).toMatch(/^DICOMINK_\d+\.\d+\.\d+/);
    expect(IMPLEMENTATION_VERSION_NAME.length).toBeLessThanOrEqual(16);
  });
});
