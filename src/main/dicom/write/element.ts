import type { BytesVr, NumberVr, TextVr } from './vr';

/**
 * A text value: `text` is its characters. A value copied from a source also keeps `sourceBytes`, its
 * bytes in the source's Specific Character Set, written unchanged while the output declares that set:
 * one character per byte (U+0000-U+00FF), so that it travels as JSON from a worker.
 */
export interface TextElement {
  tag: number;
  vr: TextVr;
  text: string;
  sourceBytes?: string;
}

/** A data element to write. Tags are numbers: (group << 16) | element, e.g. 0x00100010. */
export type DataElement =
  | TextElement
  | { tag: number; vr: NumberVr; numbers: readonly number[] }
  /** the value is the concatenation of `chunks` (pixel frames are written without joining them first) */
  | { tag: number; vr: BytesVr; chunks: readonly Uint8Array[] }
  | { tag: number; vr: 'SQ'; items: readonly (readonly DataElement[])[] };

export function textElement(tag: number, vr: TextVr, text: string): DataElement {
  return { tag, vr, text };
}

/** A value copied from a source: its characters, and its bytes in the source's character set. */
export function copiedTextElement(
  tag: number,
  vr: TextVr,
  text: string,
  sourceBytes: Uint8Array,
): DataElement {
  return { tag, vr, text, sourceBytes: Buffer.from(sourceBytes).toString('latin1') };
}

export function numberElement(tag: number, vr: NumberVr, ...numbers: number[]): DataElement {
  return { tag, vr, numbers };
}

export function bytesElement(tag: number, vr: BytesVr, ...chunks: Uint8Array[]): DataElement {
  return { tag, vr, chunks };
}

export function sequenceElement(tag: number, items: readonly (readonly DataElement[])[]): DataElement {
  return { tag, vr: 'SQ', items };
}

/** '(gggg,eeee)' for messages. */
export function formatTag(tag: number): string {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}
