/**
 * Binary envelope used by the browser-mode bridge, so decoded frames travel as bytes, not base64 JSON.
 * Layout: 4-byte little-endian JSON length, UTF-8 JSON, then every Uint8Array of the value, each starting
 * on an 8-byte boundary (so a Uint16Array/Uint32Array view needs no copy). In the JSON a Uint8Array is
 * replaced by {"$bytes": [offset, length]}. Electron IPC needs none of this: structured clone carries bytes.
 */

const ALIGN = 8;
const MARKER = '$bytes';

function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

export function encodeWire(value: unknown): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof Uint8Array)) return item;
    const at = offset;
    parts.push(item);
    offset = alignUp(offset + item.byteLength);
    return { [MARKER]: [at, item.byteLength] };
  });
  const text = new TextEncoder().encode(json);
  const bodyStart = alignUp(4 + text.byteLength);
  const out = new Uint8Array(bodyStart + offset);
  new DataView(out.buffer).setUint32(0, text.byteLength, true);
  out.set(text, 4);
  let at = bodyStart;
  for (const part of parts) {
    out.set(part, at);
    at = alignUp(at + part.byteLength);
  }
  return out;
}

function isMarker(item: unknown): item is { [MARKER]: [number, number] } {
  if (typeof item !== 'object' || item === null || !(MARKER in item)) return false;
  const range: unknown = (item as Record<string, unknown>)[MARKER];
  return Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0);
}

/** Inverse of encodeWire; throws a RangeError on a truncated or inconsistent envelope. */
export function decodeWire(buffer: ArrayBuffer): unknown {
  if (buffer.byteLength < 4) throw new RangeError('The answer is shorter than its 4-byte length prefix.');
  const jsonLength = new DataView(buffer).getUint32(0, true);
  if (4 + jsonLength > buffer.byteLength)
    throw new RangeError('The answer is truncated inside its JSON part.');
  const text = new TextDecoder().decode(new Uint8Array(buffer, 4, jsonLength));
  const bodyStart = alignUp(4 + jsonLength);
  return JSON.parse(text, (_key, item: unknown) => {
    if (!isMarker(item)) return item;
    const [at, length] = item[MARKER];
    if (bodyStart + at + length > buffer.byteLength)
      throw new RangeError('The answer is truncated inside its bytes.');
    return new Uint8Array(buffer, bodyStart + at, length);
  });
}
