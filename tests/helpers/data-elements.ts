/** Reading the element lists our writers build (src/main/dicom/write/element.ts), for the unit tests. */
import type { DataElement } from '../../src/main/dicom/write/element';

export function find(elements: readonly DataElement[], tag: number): DataElement | undefined {
  return elements.find((e) => e.tag === tag);
}

export function items(element: DataElement | undefined): readonly (readonly DataElement[])[] {
  if (!element || element.vr !== 'SQ') throw new Error('not a sequence');
  return element.items;
}

export function text(elements: readonly DataElement[], tag: number): string | undefined {
  const e = find(elements, tag);
  return e && 'text' in e ? e.text : undefined;
}

export function numbers(elements: readonly DataElement[], tag: number): readonly number[] | undefined {
  const e = find(elements, tag);
  return e && 'numbers' in e ? e.numbers : undefined;
}

/** The first item of a sequence nested along `tags`. */
export function nested(elements: readonly DataElement[], ...tags: number[]): readonly DataElement[] {
  let current = elements;
  for (const tag of tags) current = items(find(current, tag))[0] ?? [];
  return current;
}
