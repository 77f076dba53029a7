import type { DataSet } from 'dicom-parser';
import type { LookupTable } from '../../shared/dicom/image-header';
import { presentElement, tagKey, uint16Value } from './dataset-values';

/** A LUT that could not be read, with the reason. */
export interface LutProblem {
  problem: string;
}

/**
 * Reads a LUT from its descriptor and data elements (PS3.3 C.11.1.1.1 Modality LUT, C.11.2.1.1 VOI LUT,
 * C.7.6.3.1.5 Palette Color LUT). The descriptor holds: number of entries (0 means 65536), first
 * input value mapped (US, or SS when the input is signed), bits per entry. 16-bit entries are one
 * per word; 8-bit entries may be packed two per 16-bit word (low byte first, as the palette clause
 * requires) or stored one per word, which is told apart by the data length.
 */
export function readLookupTable(
  ds: DataSet,
  descriptorTag: string,
  dataTag: string,
  signedInput: boolean,
): LookupTable | LutProblem | undefined {
  const descriptor = presentElement(ds, descriptorTag);
  const data = presentElement(ds, dataTag);
  if (!descriptor && !data) return undefined;
  if (!descriptor || descriptor.length < 6)
    return { problem: `LUT Descriptor (${descriptorTag}) is missing or short` };
  if (!data) return { problem: `LUT Data (${dataTag}) is missing or truncated` };
  const declared = uint16Value(ds, descriptorTag, 0) ?? 0;
  const entries = declared === 0 ? 65536 : declared;
  const rawFirst = uint16Value(ds, descriptorTag, 1) ?? 0;
  const signed = descriptor.vr === 'SS' || (descriptor.vr !== 'US' && signedInput);
  const firstMapped = signed && rawFirst >= 0x8000 ? rawFirst - 0x10000 : rawFirst;
  const bitsPerEntry = uint16Value(ds, descriptorTag, 2) ?? 16;
  if (bitsPerEntry < 1 || bitsPerEntry > 16)
    return { problem: `LUT Descriptor (${descriptorTag}) gives ${bitsPerEntry} bits per entry` };

  const key = tagKey(dataTag);
  const bytes = data.length;
  const packedBytes = bitsPerEntry <= 8 && bytes >= entries && bytes < 2 * entries;
  const available = packedBytes ? bytes : Math.floor(bytes / 2);
  if (available < entries) {
    return {
      problem: `LUT Data (${dataTag}) holds ${available} entries but its descriptor declares ${entries}`,
    };
  }
  const values = new Array<number>(entries);
  for (let i = 0; i < entries; i++) {
    if (packedBytes) {
      // Byte i is the low byte of word i/2 for even i, the high byte for odd i (OW words are in the dataset's byte order).
      const word = ds.uint16(key, i >> 1) ?? 0;
      values[i] = i % 2 === 0 ? word & 0xff : word >> 8;
    } else {
      values[i] = ds.uint16(key, i) ?? 0;
    }
  }
  return { firstMapped, bitsPerEntry, data: values };
}

export function isLutProblem(value: LookupTable | LutProblem | undefined): value is LutProblem {
  return value !== undefined && 'problem' in value;
}
