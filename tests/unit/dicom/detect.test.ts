import { describe, expect, it } from 'vitest';
import { detectDicom, detectLayout } from '../../../src/main/dicom/detect';
import { corpusBytes } from '../../helpers/gdcm-reference';

describe('detectDicom finds DICOM by content', () => {
  it('recognises the DICM marker after the 128-byte preamble', () => {
    expect(detectDicom(corpusBytes('dp_CT1_UNC.explicit_little_endian.dcm'))).toEqual({
      ok: true,
      hasPreamble: true,
    });
  });

  it('recognises a File Meta group 0002 at offset 0 without preamble', () => {
    const bytes = corpusBytes('JLSL_RGB_ILV0.dcm');
    expect(detectDicom(bytes)).toEqual({ ok: true, hasPreamble: false });
    expect(detectLayout(bytes)).toEqual({ kind: 'meta-without-preamble' });
  });

  it('recognises a bare Implicit VR Little Endian dataset starting at group 0008 (no meta)', () => {
    expect(detectLayout(corpusBytes('OT-PAL-8-face.dcm'))).toEqual({
      kind: 'bare-dataset',
      transferSyntaxUid: '1.2.840.10008.1.2',
    });
  });

  it('recognises bare Explicit VR Little and Big Endian datasets', () => {
    // (0008,0016) UI "1.2" then (0008,0018) UI "1.2", explicit VR, each byte order.
    const le = new Uint8Array([
      8, 0, 0x16, 0, 0x55, 0x49, 4, 0, 0x31, 0x2e, 0x32, 0, 8, 0, 0x18, 0, 0x55, 0x49, 4, 0, 0x31, 0x2e, 0x32,
      0,
    ]);
    const be = new Uint8Array([
      0, 8, 0, 0x16, 0x55, 0x49, 0, 4, 0x31, 0x2e, 0x32, 0, 0, 8, 0, 0x18, 0x55, 0x49, 0, 4, 0x31, 0x2e, 0x32,
      0,
    ]);
    expect(detectLayout(le)).toEqual({ kind: 'bare-dataset', transferSyntaxUid: '1.2.840.10008.1.2.1' });
    expect(detectLayout(be)).toEqual({ kind: 'bare-dataset', transferSyntaxUid: '1.2.840.10008.1.2.2' });
  });

  it('rejects text, PNG bytes, an empty file and zeros', () => {
    expect(detectDicom(new TextEncoder().encode('file,sop_instance_uid\nx,1.2.3\n'.repeat(20)))).toEqual({
      ok: false,
    });
    expect(
      detectDicom(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toEqual({ ok: false });
    expect(detectDicom(new Uint8Array(0))).toEqual({ ok: false });
    expect(detectDicom(new Uint8Array(1000))).toEqual({ ok: false });
  });
});
