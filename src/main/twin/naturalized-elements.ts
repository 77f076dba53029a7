/**
 * dcmjs builds SR content as naturalized data sets (DICOM keyword -> value); our encoder takes data
 * elements (tag, VR, value). This turns one into the other through dcmjs's own data dictionary, so the
 * SR is written by the same Part 10 writer as every other output.
 */
import { data } from 'dcmjs';
import type { DataElement } from '../dicom/write/element';
import { numberElement, sequenceElement, textElement } from '../dicom/write/element';
import type { NumberVr, TextVr } from '../dicom/write/vr';
import { inTagOrder } from './document-base';

const TEXT_VRS = new Set<string>([
  'AE',
  'AS',
  'CS',
  'DA',
  'DS',
  'DT',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'ST',
  'TM',
  'UC',
  'UI',
  'UR',
  'UT',
]);
const NUMBER_VRS = new Set<string>(['AT', 'FD', 'FL', 'SL', 'SS', 'UL', 'US']);

function tagNumber(text: string): number {
  return parseInt(text.replace(/[(),]/g, ''), 16) >>> 0;
}

/** DS and IS text of a number (DS: at most 16 characters, PS3.5 6.2). */
function numberText(value: number, vr: string): string {
  if (vr === 'IS') return String(Math.round(value));
  const text = String(value);
  return text.length <= 16 ? text : value.toPrecision(10).replace(/\.?0+($|e)/, '$1');
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? [...(value as unknown[])] : [value];
}

/** The data elements of a naturalized data set (a content item, or an item of any sequence). */
export function naturalizedElements(dataset: object): DataElement[] {
  const elements: DataElement[] = [];
  for (const [keyword, value] of Object.entries(dataset)) {
    if (value === undefined) continue;
    const entry = data.DicomMetaDictionary.nameMap[keyword];
    if (!entry) throw new RangeError(`SR content has "${keyword}", which the DICOM dictionary does not know`);
    const tag = tagNumber(entry.tag);
    const { vr } = entry;
    if (vr === 'SQ') {
      elements.push(
        sequenceElement(
          tag,
          asList(value).map((item) => naturalizedElements(item as object)),
        ),
      );
    } else if (TEXT_VRS.has(vr)) {
      const text = asList(value)
        .map((v) => (typeof v === 'number' ? numberText(v, vr) : String(v)))
        .join('\\');
      elements.push(textElement(tag, vr as TextVr, text));
    } else if (NUMBER_VRS.has(vr)) {
      elements.push(numberElement(tag, vr as NumberVr, ...asList(value).map(Number)));
    } else {
      throw new RangeError(`SR content has "${keyword}" of VR ${vr}, which this writer does not encode`);
    }
  }
  return inTagOrder(elements);
}
