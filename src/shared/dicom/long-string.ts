/**
 * Long String (LO, PS3.5 6.2): at most 64 characters, whatever the character set's bytes per character.
 * Text cut to fit is cut by characters, never inside one (a UTF-16 slice could split an emoji's pair).
 */

export const LONG_STRING_CHARACTERS = 64;

/** The text's first `max` characters (all of it when it is no longer). */
export function toLongString(text: string, max: number = LONG_STRING_CHARACTERS): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

/** Whether a text is longer than `max` characters (one CJK character or emoji counts one). */
export function longerThanLongString(text: string, max: number = LONG_STRING_CHARACTERS): boolean {
  return Array.from(text).length > max;
}

/**
 * '<text> <ending>' as a Long String: the ending (a series description's '[DICOM Ink ...]') kept whole,
 * the text before it shortened by characters to fit; the ending alone when no text is left.
 */
export function longStringEndingWith(text: string | undefined, ending: string): string {
  const tag = toLongString(ending);
  const room = Math.max(0, LONG_STRING_CHARACTERS - 1 - Array.from(tag).length);
  const base = toLongString((text ?? '').trim(), room).trimEnd();
  return base === '' ? tag : `${base} ${tag}`;
}
