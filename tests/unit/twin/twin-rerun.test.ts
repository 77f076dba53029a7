import { describe, expect, it } from 'vitest';
import { sequenceElement, textElement } from '../../../src/main/dicom/write/element';
import { encodePart10 } from '../../../src/main/dicom/write/part10';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../../src/main/dicom/transfer-syntaxes';
import { sameTwinButForClock } from '../../../src/main/twin/twin-rerun';

/** A small verified report's header: made at `time`, verified at `verified`, described as `description`. */
function twin(time: string, verified: string, description = 'KIDNEY [DICOM Ink report]'): Uint8Array {
  return encodePart10(
    [
      textElement(0x00080012, 'DA', '20261207'),
      textElement(0x00080013, 'TM', time),
      textElement(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.88.33'),
      textElement(0x00080018, 'UI', '2.25.1234'),
      textElement(0x00080023, 'DA', '20261207'),
      textElement(0x00080033, 'TM', time),
      textElement(0x0008103e, 'LO', description),
      sequenceElement(0x0040a073, [[textElement(0x0040a030, 'DT', verified)]]),
    ],
    EXPLICIT_VR_LITTLE_ENDIAN,
  );
}

describe('recognising a twin an earlier run of the same export wrote', () => {
  it('matches one written at another moment: creation, content and verification times differ only', () => {
    const ours = twin('203146', '20261207203146');
    expect(sameTwinButForClock(twin('081500', '20261207081500'), ours)).toBe(true);
    expect(sameTwinButForClock(ours, ours)).toBe(true);
  });

  it('refuses one that differs anywhere else, or in length', () => {
    const ours = twin('203146', '20261207203146');
    expect(sameTwinButForClock(twin('203146', '20261207203146', 'KIDNEX [DICOM Ink report]'), ours)).toBe(
      false,
    );
    expect(sameTwinButForClock(twin('2031', '20261207203146'), ours)).toBe(false);
    expect(sameTwinButForClock(new Uint8Array(ours.length), ours)).toBe(false);
  });
});
