import type { FindingSource } from './importer';

/** The start of a source as text (a byte-order mark dropped), for recognising text formats. */
export function headText(source: FindingSource): string {
  if (source.isDirectory) return '';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(source.head);
  return text.replace(/^\ufeff/, '');
}

/** True when the text starts like JSON (an object or an array). */
export function startsLikeJson(text: string): boolean {
  const start = text.trimStart();
  return start.startsWith('{') || start.startsWith('[');
}
