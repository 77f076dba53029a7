import type { DataSet } from 'dicom-parser';
import { stringValue, tagKey } from '../../dicom/dataset-values';
import type { DataElement } from '../../dicom/write/element';
import { sequenceElement, textElement } from '../../dicom/write/element';
import type { SequenceSchema } from './record-keys';

function copyItem(item: DataSet, schema: SequenceSchema): DataElement[] {
  const elements: DataElement[] = [];
  for (const [tag, kind] of Object.entries(schema)) {
    const number = parseInt(tag, 16);
    if (typeof kind === 'string') {
      const text = stringValue(item, tag);
      if (text !== undefined) elements.push(textElement(number, kind, text));
      continue;
    }
    const nested = copySequence(item, tag, kind.items);
    if (nested) elements.push(nested);
  }
  return elements;
}

/**
 * A sequence of a file's header as elements to write again, keeping only the attributes `schema` names
 * (code items, series and image references): the VR comes from the schema, so the copy is the same
 * whether the file is Explicit or Implicit VR. Text is kept byte for byte (one character per byte),
 * so it stays in the file's Specific Character Set. Undefined when the file has no such sequence.
 */
export function copySequence(ds: DataSet, tag: string, schema: SequenceSchema): DataElement | undefined {
  const element = ds.elements[tagKey(tag)];
  if (!element?.items) return undefined;
  const items = element.items.map((item) => (item.dataSet ? copyItem(item.dataSet, schema) : []));
  return sequenceElement(parseInt(tag, 16), items);
}
