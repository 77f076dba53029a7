import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../../src/shared/ipc/wire';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('bridge wire format', () => {
  it('round-trips JSON with frame bytes, each attachment 8-byte aligned for typed-array views', () => {
    const samples = new Uint16Array([0, 1, 4095, 65535, 1234]);
    const value = {
      ok: true,
      value: {
        sampleType: 'uint16',
        bytes: new Uint8Array(samples.buffer),
        other: new Uint8Array([7, 8, 9]),
      },
    };
    const decoded = decodeWire(toArrayBuffer(encodeWire(value))) as typeof value;
    const bytes = decoded.value.bytes;
    expect(bytes.byteOffset % 8).toBe(0);
    expect([...new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2)]).toEqual([
      0, 1, 4095, 65535, 1234,
    ]);
    expect([...decoded.value.other]).toEqual([7, 8, 9]);
    expect(decoded.value.sampleType).toBe('uint16');
  });

  it('rejects truncated envelopes instead of returning short frames', () => {
    const full = encodeWire({ bytes: new Uint8Array(100) });
    expect(() => decodeWire(toArrayBuffer(full.subarray(0, full.length - 10)))).toThrow(
      /truncated inside its bytes/,
    );
    expect(() => decodeWire(toArrayBuffer(full.subarray(0, 6)))).toThrow(/truncated inside its JSON/);
  });
});
