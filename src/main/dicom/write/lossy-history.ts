import type { DataElement } from './element';
import { textElement } from './element';

/** Lossy transfer syntaxes and the Lossy Image Compression Method term for each (PS3.3 C.7.6.1.1.5.1). */
const LOSSY_METHOD: Record<string, string> = {
  '1.2.840.10008.1.2.4.50': 'ISO_10918_1',
  '1.2.840.10008.1.2.4.51': 'ISO_10918_1',
  '1.2.840.10008.1.2.4.81': 'ISO_14495_1',
  '1.2.840.10008.1.2.4.91': 'ISO_15444_1',
  '1.2.840.10008.1.2.4.203': 'ISO_15444_15',
};

/**
 * PS3.3 C.7.6.1.1.5: an image derived from lossy-compressed pixels has Lossy Image Compression "01",
 * even when the derived image itself is stored uncompressed. When the source arrived in a lossy
 * transfer syntax but did not say so, this says it (the copied attributes cover the other cases).
 */
export function lossyHistory(sourceTransferSyntax: string, copied: readonly DataElement[]): DataElement[] {
  const method = LOSSY_METHOD[sourceTransferSyntax];
  if (method === undefined) return [];
  const flag = copied.find((e) => e.tag === 0x00282110);
  if (flag !== undefined && 'text' in flag && flag.text === '01') return [];
  const replaced = [textElement(0x00282110, 'CS', '01')];
  if (!copied.some((e) => e.tag === 0x00282114)) replaced.push(textElement(0x00282114, 'CS', method));
  return replaced;
}
